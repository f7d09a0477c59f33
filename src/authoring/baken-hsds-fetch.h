/* baken-hsds-fetch.h: read the pages of an HSDS API, bounded in size and time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small HTTP reader for import-hsds --url (libsoup 3), with the limits the sync keeps:
 * one deadline for the whole import (a BakenDeadline cancels whatever blocks), a stall
 * timeout per read, a cap on each answer and on all of them together, https only (plain
 * http only to this computer, for tests), redirects followed only within https.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most an HSDS API answer may be. */
#define BAKEN_HSDS_FETCH_MAX_ANSWER   (16 * 1024 * 1024)
/* The most all answers of one import may be together. */
#define BAKEN_HSDS_FETCH_MAX_TOTAL    ((guint64) 256 * 1024 * 1024)

typedef struct _BakenHsdsFetch BakenHsdsFetch;

/* Whether url may be read: https, or http to 127.0.0.1, ::1 or localhost (for tests). */
gboolean        baken_hsds_fetch_check_url (const char      *url,
                                            GError         **error);

/* A reader for the API at url, whose answers all must come within timeout_s, each read
 * within stall_s. */
BakenHsdsFetch *baken_hsds_fetch_new       (const char      *url,
                                            guint            timeout_s,
                                            guint            stall_s);
void            baken_hsds_fetch_free      (BakenHsdsFetch  *self);

/* The body of a GET of url (HTTP 200 only). Errors are BAKEN_HSDS_ERROR_FETCH with a
 * message that names the URL and what went wrong. */
GBytes         *baken_hsds_fetch_get       (BakenHsdsFetch  *self,
                                            const char      *url,
                                            GError         **error);
/* Requests made and bytes read so far. */
guint           baken_hsds_fetch_get_n_requests (BakenHsdsFetch *self);
guint64         baken_hsds_fetch_get_n_bytes    (BakenHsdsFetch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsFetch, baken_hsds_fetch_free)

G_END_DECLS
