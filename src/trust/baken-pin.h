/* baken-pin.h: the staff PIN, kept only as an argon2id hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kiosk.conf holds `[staff] pin-hash`, a libsodium crypto_pwhash_str () string
 * ("$argon2id$v=19$m=65536,t=2,p=1$…"); `baken --hash-pin` makes one. The PIN itself is
 * never written anywhere. Verifying costs about 64 MiB and a tenth of a second on
 * purpose (a stolen kiosk.conf must not give the PIN away by brute force): never call
 * it on the UI thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_PIN_ERROR (baken_pin_error_quark ())

typedef enum {
  BAKEN_PIN_ERROR_FORMAT,  /* a PIN that is not 4 to 12 digits */
  BAKEN_PIN_ERROR_HASH,    /* not an argon2id hash string */
  BAKEN_PIN_ERROR_FAILED,  /* out of memory while hashing */
} BakenPinError;

GQuark baken_pin_error_quark (void);

#define BAKEN_PIN_MIN_DIGITS 4
#define BAKEN_PIN_MAX_DIGITS 12

/* Whether pin is BAKEN_PIN_MIN_DIGITS to BAKEN_PIN_MAX_DIGITS ASCII digits. */
gboolean  baken_pin_check_format (const char  *pin,
                                  GError     **error);
/* The argon2id hash string of pin (transfer full), for `[staff] pin-hash`. */
char     *baken_pin_hash         (const char  *pin,
                                  GError     **error);
/* Whether hash is an argon2id string this program can verify against. */
gboolean  baken_pin_check_hash   (const char  *hash,
                                  GError     **error);
/* Whether pin matches hash. Constant time in pin; slow on purpose (see above). */
gboolean  baken_pin_verify       (const char  *hash,
                                  const char  *pin);

G_END_DECLS
