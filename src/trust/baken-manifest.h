/* baken-manifest.h: manifest.json of a content bundle, parsed strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {
 *   "format": 1,
 *   "serial": 42,
 *   "created": "2026-11-01T08:00:00Z",
 *   "expires": "2027-02-01T08:00:00Z",
 *   "key_id": "9AEC8527F46BB478",          (or null: not yet signed)
 *   "min_app_version": "0.1.0",
 *   "schema_version": 1,
 *   "files": [
 *     { "name": "content-42.sqlite", "size": 1234567, "sha256": "…64 hex digits…" }
 *   ]
 * }
 *
 * Format 2 is format 1 with one more member, "root_version": the version of the root keys
 * document (keys.json, baken-root.h) whose content keys sign it, from 1. A format 1
 * manifest belongs to no root document (root_version 0): the kiosk's configured keys.
 *
 * Strict: UTF-8, RFC 8259 syntax only (no comments, single quotes, hex or leading zeros,
 * no fractions or exponents: every number is a whole number), no duplicate or unknown
 * member, every member present with its type; serial from 1 to 2^63 − 1; times exactly
 * YYYY-MM-DDTHH:MM:SSZ (UTC); a file name is a plain name ([A-Za-z0-9._-], not starting
 * with a dot); sha256 lower-case hex. A format other than 1 or 2 is refused.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_MANIFEST_FORMAT     1
/* The format of a manifest that names its root version. */
#define BAKEN_MANIFEST_FORMAT_ROOT 2
#define BAKEN_MANIFEST_MAX_SIZE   (256 * 1024)
#define BAKEN_MANIFEST_MAX_FILES  16
#define BAKEN_MANIFEST_MAX_DEPTH  8

#define BAKEN_MANIFEST_ERROR (baken_manifest_error_quark ())

typedef enum {
  BAKEN_MANIFEST_ERROR_SYNTAX,     /* not strict JSON, not UTF-8, too large */
  BAKEN_MANIFEST_ERROR_FORMAT,     /* an unknown format version */
  BAKEN_MANIFEST_ERROR_INVALID,    /* a member missing, unknown, of the wrong type or value */
} BakenManifestError;

GQuark baken_manifest_error_quark (void);

typedef struct
{
  char    *name;
  guint64  size;
  char    *sha256;        /* 64 lower-case hex digits */
} BakenManifestFile;

typedef struct
{
  guint      format;
  guint64    serial;
  GDateTime *created;          /* (owned) UTC */
  GDateTime *expires;          /* (owned) UTC */
  char      *key_id;           /* (nullable) 16 upper-case hex digits */
  char      *min_app_version;  /* "MAJOR.MINOR.PATCH" */
  guint      schema_version;
  guint      root_version;     /* 0 in format 1; from 1 in format 2 */
  GPtrArray *files;            /* (owned) (element-type BakenManifestFile) */
} BakenManifest;

BakenManifest *baken_manifest_new            (void);
void           baken_manifest_free           (BakenManifest  *self);
void           baken_manifest_add_file       (BakenManifest  *self,
                                              const char     *name,
                                              guint64         size,
                                              const char     *sha256);
const BakenManifestFile *
               baken_manifest_find_file      (BakenManifest  *self,
                                              const char     *name);

BakenManifest *baken_manifest_parse          (const char     *data,
                                              gsize           length,
                                              GError        **error);
/* Deterministic, pretty-printed JSON ending in a newline, which baken_manifest_parse
 * reads back to the same manifest: format 1 when root_version is 0, else format 2. Fails (BAKEN_MANIFEST_ERROR_INVALID) for a manifest
 * that would not parse: a missing time, a bad name or hash, a serial out of range. */
char          *baken_manifest_to_data        (BakenManifest  *self,
                                              gsize          *length,
                                              GError        **error);

/* The time format of the manifest and of the content DB meta table. */
char          *baken_manifest_format_time    (GDateTime      *time);
GDateTime     *baken_manifest_parse_time     (const char     *text);
/* Compares dotted versions "1.2.3" numerically; -1, 0 or 1. Returns -2 when either is
 * not a version. */
int            baken_manifest_compare_versions (const char   *a,
                                              const char     *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenManifest, baken_manifest_free)

G_END_DECLS
