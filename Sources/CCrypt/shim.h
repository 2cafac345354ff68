#ifndef KIOSK_CCRYPT_SHIM_H
#define KIOSK_CCRYPT_SHIM_H
// libxcrypt: crypt_r with yescrypt ("$y$"), the hash Debian uses for /etc/shadow.
#include <crypt.h>
#endif
