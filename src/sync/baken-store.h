/* baken-store.h: the bundles on disk, and the atomic switch between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout under the state folder (/var/lib/baken, or $XDG_STATE_HOME/baken):
 *
 *   state.sqlite              the state DB (baken-state.h), untouched by the store
 *   staging/                  where a sync downloads and verifies; nothing else is
 *                             written before a bundle verified
 *   bundles/<serial>/         manifest.json, manifest.json.minisig, content-<serial>.sqlite
 *   current                   the pointer: "current <serial>\nprevious <serial>\n",
 *                             replaced atomically (write current.tmp, fsync, rename,
 *                             fsync the folder)
 *
 * Installing is: fsync the staged files and staging/, rename staging/ to
 * bundles/<serial>/, fsync bundles/, replace the pointer, then (by the caller) record the
 * state, then clean up every bundle that is neither current nor previous. The pointer
 * decides between intact bundles: baken_store_reconcile() at startup removes whatever a
 * crash left half done, so the kiosk opens exactly the old or exactly the new bundle
 * (baken-store-reconcile.h).
 * The installed bundles themselves are the truth, though: a damaged pointer is rebuilt
 * from the bundles that verify, and a new state DB gets its floors from them.
 *
 * Not thread-safe: one BakenStore per thread (they are cheap), one writer at a time.
 */
#pragma once

#include <glib-object.h>

#include "baken-bundle.h"
#include "baken-state.h"

G_BEGIN_DECLS

#define BAKEN_STORE_ERROR (baken_store_error_quark ())

typedef enum {
  BAKEN_STORE_ERROR_IO,        /* a file system call failed (errno in the message) */
  BAKEN_STORE_ERROR_NO_SPACE,  /* the disk is full, or a file size limit was reached */
  BAKEN_STORE_ERROR_CORRUPT,   /* an unreadable pointer or bundle */
} BakenStoreError;

GQuark baken_store_error_quark (void);

#define BAKEN_TYPE_STORE (baken_store_get_type ())

G_DECLARE_FINAL_TYPE (BakenStore, baken_store, BAKEN, STORE, GObject)

/* Creates the folder and staging/ and bundles/ when missing. Does not reconcile. */
BakenStore *baken_store_new                 (const char   *dir,
                                             GError      **error);
const char *baken_store_get_dir             (BakenStore   *self);
const char *baken_store_get_staging_dir     (BakenStore   *self);
/* dir/state.sqlite */
char       *baken_store_get_state_path      (BakenStore   *self);
char       *baken_store_get_bundle_dir      (BakenStore   *self,
                                             guint64       serial);
/* bundles/<serial>/content-<serial>.sqlite */
char       *baken_store_get_content_path    (BakenStore   *self,
                                             guint64       serial);

/* Reads the pointer. No pointer yet: TRUE with both 0. */
gboolean    baken_store_read_pointer        (BakenStore   *self,
                                             guint64      *current,
                                             guint64      *previous,
                                             GError      **error);

/* Empties staging/ (and creates it when missing). */
gboolean    baken_store_clear_staging       (BakenStore   *self,
                                             GError      **error);
/* Moves staging/ to bundles/<serial>/ and makes it current, the old current becoming
 * previous. The current serial itself can be installed again (replacing a bundle that no
 * longer verifies; previous stays), the previous one cannot. Everything is fsynced
 * before the pointer changes. Does not clean up: call baken_store_clean_up() after
 * recording the state. */
gboolean    baken_store_install             (BakenStore   *self,
                                             guint64       serial,
                                             GError      **error);
/* Makes the previous bundle current again (previous becomes 0). FALSE with
 * G_IO_ERROR_NOT_FOUND when there is no previous bundle. */
gboolean    baken_store_fall_back           (BakenStore   *self,
                                             GError      **error);
/* Removes every bundle that is neither current nor previous, and leftovers of pointer
 * writes. */
gboolean    baken_store_clean_up            (BakenStore   *self,
                                             GError      **error);
/* The serials of the bundles in bundles/, highest first (folders named otherwise are
 * left out). Whether they verify is baken-store-reconcile.h's business. */
GArray     *baken_store_list_bundles        (BakenStore   *self,
                                             GError      **error);
/* dir/current */
const char *baken_store_get_pointer_path    (BakenStore   *self);
/* Replaces the pointer: written to current.tmp, fsynced, renamed over current, the
 * folder fsynced. current 0 removes the pointer (nothing installed). For reconciling;
 * installing and falling back write it themselves. */
gboolean    baken_store_write_pointer       (BakenStore   *self,
                                             guint64       current,
                                             guint64       previous,
                                             GError      **error);

/* Fault injection for the crash-safety test: each call is one numbered step. When the
 * store is compiled with BAKEN_FAULT_INJECTION and the environment has
 * BAKEN_FAULT_POINT=N, the process kills itself with SIGKILL at step N;
 * BAKEN_FAULT_TRACE=1 prints every step on stderr. Otherwise it does nothing. */
void        baken_fault_point               (const char   *step);

G_END_DECLS
