/* baken-file.h: reading a file that may be hostile, with a size cap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the kiosk and the tools read from a path named by someone else (a config,
 * a key file, a content source, an HSDS package) goes through here: only a regular
 * file is read (a FIFO would block for ever, /dev/zero would never end), and only up to
 * a cap that fits what it holds.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Caps for the kinds of file Baken reads. */
#define BAKEN_FILE_MAX_CONFIG     (256 * 1024)
#define BAKEN_FILE_MAX_KEY        (16 * 1024)
#define BAKEN_FILE_MAX_JSON       (16 * 1024 * 1024)
#define BAKEN_FILE_MAX_TABLE      ((gsize) 256 * 1024 * 1024)
#define BAKEN_FILE_MAX_ICON       (1024 * 1024)

/* Reads path when it is a regular file (or a link to one) of at most max_size bytes.
 * contents is NUL-terminated; length (nullable) excludes the NUL. On failure error is
 * G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_MESSAGE_TOO_LARGE or what opening said,
 * with a message that names the file and says what to do. */
gboolean baken_file_read (const char  *path,
                          gsize        max_size,
                          char       **contents,
                          gsize       *length,
                          GError     **error);

/* The same for name in the folder open as dir_fd (AT_FDCWD: the current folder), with
 * shown (the path to name, for messages) in the messages: a reader of many files in one
 * folder spares the kernel the walk of the whole path for each. */
gboolean baken_file_read_at (int          dir_fd,
                             const char  *name,
                             const char  *shown,
                             gsize        max_size,
                             char       **contents,
                             gsize       *length,
                             GError     **error);

G_END_DECLS
