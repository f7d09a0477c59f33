/* baken-po.h: reading and writing gettext PO files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the PO format a translation tool round-trips (Poedit, Lokalize, Weblate,
 * a text editor): entries with msgctxt, msgid and msgstr, the "fuzzy" flag, extracted
 * comments (#.) and references (#:). Written as GNU gettext writes it: strings longer
 * than a line, or holding a line break, as "" followed by pieces that end after a line
 * break or a space, so `msgfmt -c` accepts the file and a diff stays readable.
 *
 * The reader is strict and bounded, as for every file from outside: the file must be
 * UTF-8 (and say so in its header), at most BAKEN_PO_MAX_SIZE bytes; plural entries
 * (msgid_plural, msgstr[N]), an unknown keyword or escape, a string without its closing
 * quote, an entry without msgid or msgstr, and the same msgctxt and msgid twice are
 * errors naming FILE:LINE. Obsolete entries (#~) and other comments are skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest PO file read. */
#define BAKEN_PO_MAX_SIZE (64 * 1024 * 1024)

typedef struct
{
  char     *context;     /* (nullable) msgctxt */
  char     *id;          /* msgid */
  char     *str;         /* msgstr, "" when untranslated */
  gboolean  fuzzy;
  char     *comment;     /* (nullable) extracted comment (#.); lines joined with "\n" */
  char     *reference;   /* (nullable) #: FILE:LINE */
  guint     line;        /* of the entry's msgid in the file read (0: not read) */
} BakenPoEntry;

typedef struct
{
  char      *language;   /* (nullable) the header's Language */
  GPtrArray *entries;    /* (owned) (element-type BakenPoEntry) without the header */
} BakenPoFile;

void         baken_po_entry_free   (BakenPoEntry  *entry);
void         baken_po_file_free    (BakenPoFile   *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenPoEntry, baken_po_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenPoFile, baken_po_file_free)

/* Appends the header entry: header_fields are "Name: value" lines (each without its
 * "\n"), NULL-terminated; Content-Type and Content-Transfer-Encoding are added. */
void         baken_po_write_header (GString             *out,
                                    const char * const  *header_fields);
/* Appends one entry (a blank line before it). */
void         baken_po_write_entry  (GString             *out,
                                    const BakenPoEntry  *entry);

/* Reads path. Returns NULL with error (G_IO_ERROR_INVALID_DATA, "PATH:LINE: what is
 * wrong; what to do") for a file that is not a PO file as described above, or with the
 * error of baken_file_read (). */
BakenPoFile *baken_po_read         (const char          *path,
                                    GError             **error);

G_END_DECLS
