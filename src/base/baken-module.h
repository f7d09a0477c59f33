/* baken-module.h: Baken's own modules, loaded at their first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parts that need a heavy library live in a module instead of the program: the HTTP
 * sync (libsoup, with gnutls, nghttp2, brotli, psl, krb5) and the CUPS printer (libcups,
 * with avahi). Linked in, those libraries cost every start of the kiosk ~15–28 ms of
 * loading and relocating before the first frame; loaded from a module, they cost it
 * when the first sync runs or the first slip prints.
 *
 * A module is lib<name>.so in BAKEN_MODULE_DIR when the environment sets it (the build
 * dir, for tests), else in the installed module folder (BAKEN_MODULEDIR), else, for a
 * program run from its build dir, in the build dir's src/. It uses the
 * program's own functions (the programs export them: gmodule-export-2.0), so a module
 * is only for a program that links the code it calls.
 *
 * Thread-safe. A module that loaded stays loaded; one that did not is tried again at
 * the next lookup.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_MODULE_ERROR (baken_module_error_quark ())

typedef enum {
  BAKEN_MODULE_ERROR_OPEN,    /* missing, unreadable, or a library it needs is missing */
  BAKEN_MODULE_ERROR_SYMBOL,  /* it does not have the function asked for */
} BakenModuleError;

GQuark    baken_module_error_quark (void);

/* The folder modules are loaded from: BAKEN_MODULE_DIR, else BAKEN_MODULEDIR. */
char     *baken_module_dup_dir     (void);
/* The address of symbol in module name (without "lib" and ".so": "baken-sync-http").
 * NULL with an error that names the file and says what the loader said. */
gpointer  baken_module_lookup      (const char  *name,
                                    const char  *symbol,
                                    GError     **error);

G_END_DECLS
