/* content-test-util.h: signed bundles and a kiosk window on them, for the content tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-context.h"
#include "baken-sync.h"
#include "ui-test-util.h"

G_BEGIN_DECLS

/* The life event whose title the "new" bundles change. */
#define CONTENT_TEST_EVENT      "le-geld"
#define CONTENT_TEST_OLD_TITLE  "Geldzorgen"
#define CONTENT_TEST_NEW_TITLE  "Zorgen over geld"

/* After ui_test_init (): a signing key. */
void         content_test_init           (void);
/* "[sync]\npublic-keys = …\n" for the test key, and extra (nullable) after it. */
char        *content_test_config_text    (const char  *extra);
/* Builds tests/data/build into dir as bundle serial, signed with the test key; new_title:
 * CONTENT_TEST_EVENT gets CONTENT_TEST_NEW_TITLE. */
void         content_test_make_bundle    (const char  *dir,
                                          guint64      serial,
                                          gboolean     new_title);
/* The same with the manifest's created and expires times given. */
void         content_test_make_bundle_at (const char  *dir,
                                          guint64      serial,
                                          gboolean     new_title,
                                          GDateTime   *created,
                                          GDateTime   *expires);
/* A fresh state folder under XDG_STATE_HOME. */
char        *content_test_state_dir      (const char  *name);
/* Applies the bundle in folder with the blocking sync (as a USB stick would). */
void         content_test_sync_from      (BakenSync   *sync,
                                          const char  *folder,
                                          guint64      expect_serial);

/* A window on content, as the application builds it (waits for the verification). */
BakenWindow *content_test_window_new     (BakenConfig       *config,
                                          BakenKioskContent *content,
                                          double             idle_scale);

G_END_DECLS
