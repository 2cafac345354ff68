#ifndef KIOSK_CREADLINE_SHIM_H
#define KIOSK_CREADLINE_SHIM_H
// readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

// readline's state lives in mutable C globals, which Swift 6 rejects as not concurrency-safe.
// These accessors keep that state behind functions so the rest of the module stays checked;
// all of them are only called on the thread that calls readline().

static inline void kiosk_rl_set_readline_name(const char *name) { rl_readline_name = name; }

/// kiosk handles signals itself, so readline must neither install handlers nor re-raise them.
static inline void kiosk_rl_disable_signal_handling(void) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
}

static inline void kiosk_rl_set_getc_function(rl_getc_func_t *function) { rl_getc_function = function; }

static inline void kiosk_rl_set_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
    // Options may contain spaces ("Product & Engineering"); only commas separate items.
    rl_completer_word_break_characters = ",";
}

/// Called from inside the completion function: no filename completion as a fallback, and no
/// space appended after an option (it may be followed by a comma).
static inline void kiosk_rl_completion_is_final(void) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
}

/// Empties the line being edited, so that returning EOF from the getc function ends readline()
/// with NULL instead of accepting a half-typed line.
static inline void kiosk_rl_discard_line(void) {
    rl_replace_line("", 0);
    rl_point = 0;
}

static inline void kiosk_rl_resize(void) { rl_resize_terminal(); }

/// How many bytes the line being edited holds.
static inline int kiosk_rl_line_length(void) { return rl_end; }

/// A copy of the line being edited (the caller frees it), kept when a pause ends readline().
static inline char *kiosk_rl_copy_line(void) {
    return strndup(rl_line_buffer ? rl_line_buffer : "", (size_t)(rl_end > 0 ? rl_end : 0));
}

static inline void kiosk_rl_set_startup_hook(rl_hook_func_t *hook) { rl_startup_hook = hook; }

/// Removes every binding that could carry one respondent's text to the next: the kill ring
/// (yank, yank-pop, yank-nth/last-arg) and the history searches, whose last search string
/// readline keeps with no API to clear it. Also the switch to vi mode, which has its own
/// registers.
static inline void kiosk_rl_remove_leaking_bindings(void) {
    rl_command_func_t *leaking[] = {
        rl_yank, rl_yank_pop, rl_yank_nth_arg, rl_yank_last_arg,
        rl_reverse_search_history, rl_forward_search_history,
        rl_noninc_forward_search, rl_noninc_reverse_search,
        rl_noninc_forward_search_again, rl_noninc_reverse_search_again,
        rl_history_search_forward, rl_history_search_backward,
        rl_history_substr_search_forward, rl_history_substr_search_backward,
        rl_vi_editing_mode,
    };
    const char *maps[] = { "emacs", "emacs-meta", "emacs-ctlx" };
    for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++) {
        Keymap map = rl_get_keymap_by_name(maps[m]);
        if (map == NULL) continue;
        for (size_t f = 0; f < sizeof leaking / sizeof leaking[0]; f++) {
            rl_unbind_function_in_map(leaking[f], map);
        }
    }
}

#endif
