// A floor for issue 6's target, not a competitor: the staff-pulse NPS of one journal with
// simdjson (Debian's libsimdjson-dev), every line parsed and validated in full, one thread per
// core. It does only what DuckDB's query does (no de-duplication, no other question, no
// themes, no report), so its time is less than any full report over the same file can take.
//
//   c++ -O3 -std=c++17 bench/nps_simdjson.cpp -lsimdjson -pthread -o bench/data/nps_simdjson
//   bench/data/nps_simdjson bench/data/journal-1000000.jsonl
#include <simdjson.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace {

struct Count {
    long promoters = 0, detractors = 0, scores = 0;
};

// The first byte after the line feed at or after `offset` (or the file's end).
size_t nextLineStart(int file, size_t offset, size_t size) {
    char block[4096];
    while (offset < size) {
        ssize_t got = pread(file, block, sizeof block, static_cast<off_t>(offset));
        if (got <= 0) return size;
        if (auto found = static_cast<char *>(memchr(block, '\n', static_cast<size_t>(got)))) return offset + (found - block) + 1;
        offset += static_cast<size_t>(got);
    }
    return size;
}

// Counts the lines in [from, to), reading a chunk of whole lines at a time (a chunk grows to
// hold a line longer than it).
void countRange(const char *path, size_t from, size_t to, Count *count) {
    int file = open(path, O_RDONLY);
    std::vector<char> buffer((1 << 20) + simdjson::SIMDJSON_PADDING);
    simdjson::dom::parser parser;
    for (size_t offset = from; offset < to;) {
        size_t wanted = std::min(buffer.size() - simdjson::SIMDJSON_PADDING, to - offset);
        ssize_t got = pread(file, buffer.data(), wanted, static_cast<off_t>(offset));
        if (got <= 0) break;
        size_t length = static_cast<size_t>(got);
        if (offset + length < to) {
            while (length > 0 && buffer[length - 1] != '\n') length--;
            if (length == 0) {
                buffer.resize(2 * buffer.size());
                continue;
            }
        }
        for (const char *line = buffer.data(), *end = line + length; line < end;) {
            auto newline = static_cast<const char *>(memchr(line, '\n', static_cast<size_t>(end - line)));
            if (!newline) newline = end;
            // The buffer's padding follows every line, so simdjson need not copy it.
            auto record = parser.parse(line, static_cast<size_t>(newline - line), false);
            std::string_view questionnaire;
            int64_t score;
            if (!record.error() && !record["questionnaire"].get(questionnaire) && questionnaire == "staff-pulse"
                && !record["answers"]["recommend"].get(score) && score >= 0 && score <= 10) {
                count->scores++;
                if (score >= 9) count->promoters++;
                else if (score <= 6) count->detractors++;
            }
            line = newline + 1;
        }
        offset += length;
    }
    close(file);
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: nps_simdjson JOURNAL\n");
        return 2;
    }
    int file = open(argv[1], O_RDONLY);
    struct stat info;
    if (file < 0 || fstat(file, &info) != 0) {
        perror(argv[1]);
        return 1;
    }
    size_t size = static_cast<size_t>(info.st_size);
    unsigned parts = std::max(1u, std::thread::hardware_concurrency());
    std::vector<size_t> bounds{0};
    for (unsigned part = 1; part < parts; part++) {
        bounds.push_back(std::max(bounds.back(), nextLineStart(file, size * part / parts, size)));
    }
    bounds.push_back(size);
    std::vector<Count> counts(parts);
    std::vector<std::thread> threads;
    for (unsigned part = 0; part < parts; part++) {
        threads.emplace_back(countRange, argv[1], bounds[part], bounds[part + 1], &counts[part]);
    }
    Count total;
    for (unsigned part = 0; part < parts; part++) {
        threads[part].join();
        total.promoters += counts[part].promoters;
        total.detractors += counts[part].detractors;
        total.scores += counts[part].scores;
    }
    printf("%.6f\n", total.scores ? 100.0 * static_cast<double>(total.promoters - total.detractors) / total.scores : 0.0);
}
