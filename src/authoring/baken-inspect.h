/* baken-inspect.h: a human summary of a bundle or content DB (baken-bundle inspect)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *today;             /* YYYY-MM-DD; NULL: the local date */
  guint       max_age_days;      /* assured_date older than this is listed; 0: 365 */
  guint       max_ids;           /* ids listed per finding; 0: 5 */
} BakenInspectOptions;

/* Summarises path, a bundle folder (manifest.json naming content-SERIAL.sqlite, or
 * without a manifest one content-*.sqlite) or a content DB file. The text is plain,
 * one "Label: value" per line for the scalars and an indented block per finding:
 *
 *   Serial: 42
 *   Created: 2026-11-01T08:00:00Z
 *   Expires: 2027-02-01T08:00:00Z
 *   Key id: 9AEC8527F46BB478
 *   …
 *
 * The manifest is read without checking its signature (that is baken-bundle verify).
 * Returns NULL (error set) when nothing readable is found. */
char *baken_inspect (const char                *path,
                     const BakenInspectOptions *options,
                     GError                   **error);

/* The content DB of path: path itself when it is a file, else the content DB of the
 * bundle folder path (as baken_inspect () finds it). NULL (error set) when there is
 * none. */
char *baken_inspect_find_content_db (const char  *path,
                                     GError     **error);

G_END_DECLS
