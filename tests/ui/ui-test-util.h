/* ui-test-util.h: running the kiosk window inside a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-window.h"

G_BEGIN_DECLS

/* g_test_init, the locale and gettext as main() sets them, and a registered
 * BakenApplication (its startup loads the styles). */
void          ui_test_init              (int          *argc,
                                         char       ***argv);
GApplication *ui_test_get_application   (void);

/* A config from key file text (NULL: the defaults). */
BakenConfig  *ui_test_config_new        (const char   *keyfile_text);

/* A presented window of width × height (ignored in kiosk mode), allocated and drawn. */
BakenWindow  *ui_test_window_new        (BakenConfig  *config,
                                         gboolean      kiosk,
                                         double        idle_scale,
                                         int           width,
                                         int           height);
/* The same for a context made by the test (its state DB, its clock). */
BakenWindow  *ui_test_window_new_for_context (BakenContext *context,
                                              double        idle_scale,
                                              int           width,
                                              int           height);
void          ui_test_window_destroy    (BakenWindow  *window);
/* A real key press (XTEST, through xdotool) held for ms, then released; the main
 * loop runs meanwhile. */
void          ui_test_hold_key          (BakenWindow  *window,
                                         const char   *key,
                                         guint         ms);
/* A real press (XTEST, through xdotool) on the middle of widget, held for ms. */
void          ui_test_hold              (BakenWindow  *window,
                                         GtkWidget    *widget,
                                         guint         ms);

/* Runs the main loop until condition (data) holds or timeout_ms pass (a ceiling, scaled
 * by baken_test_scale_ms () like every timeout_ms of these helpers). */
typedef gboolean (*UiTestCondition) (gpointer data);
gboolean      ui_test_wait              (UiTestCondition condition,
                                         gpointer        data,
                                         guint           timeout_ms);
/* Real key presses (XTEST, through xdotool) to window while the main loop keeps
 * running, so the window handles them as from a keyboard; NULL-terminated xdotool key
 * names ("KP_Add", "alt+F4"). */
void          ui_test_send_keys         (BakenWindow  *window,
                                         const char   *first_key,
                                         ...) G_GNUC_NULL_TERMINATED;
/* Runs the main loop for ms milliseconds. */
void          ui_test_run               (guint         ms);
/* Runs the main loop until nothing is pending and the window has drawn a frame. */
void          ui_test_settle            (BakenWindow  *window);

/* The texts of every GtkLabel under root that is drawn (mapped with a size), in tree
 * order. Never NULL. */
GPtrArray    *ui_test_collect_labels    (GtkWidget    *root);
/* Whether a drawn label under root has exactly this text. */
gboolean      ui_test_has_label         (GtkWidget    *root,
                                         const char   *text);
/* The first drawn widget of type under root, or NULL. */
GtkWidget    *ui_test_find_widget       (GtkWidget    *root,
                                         GType         type);
/* All drawn widgets with a CSS class under root. */
GPtrArray    *ui_test_find_by_css_class (GtkWidget    *root,
                                         const char   *css_class);
/* All drawn widgets of type (or a subtype) under root, in tree order. */
GPtrArray    *ui_test_find_all          (GtkWidget    *root,
                                         GType         type);
/* The render nodes of the window as the kiosk draws it, settled first. */
GskRenderNode   *ui_test_snapshot_window (BakenWindow *window);
/* The window as the kiosk draws it (settled first), on an opaque white surface of its
 * size. */
cairo_surface_t *ui_test_render_window  (BakenWindow  *window);
/* A widget of exactly width × height, with nothing in it. */
GtkWidget    *ui_test_fixed_item        (int           width,
                                         int           height);
/* The bounds of widget in the coordinates of in (which must contain it). */
graphene_rect_t ui_test_bounds_in       (GtkWidget    *widget,
                                         GtkWidget    *in);
/* Whether the focused control is actionable with action and (when not NULL) the string
 * target. */
gboolean      ui_test_focus_is          (BakenWindow  *window,
                                         const char   *action,
                                         const char   *target);
/* The first widget under root (drawn or not) whose action is action, or NULL. */
GtkWidget    *ui_test_find_action_button (GtkWidget  *root,
                                          const char *action);
/* The ids of every life event of the catalog that has services, at any depth. */
GPtrArray    *ui_test_collect_event_ids (BakenCatalog *catalog);

/* A resident's path in the catalog: the first top-level event with sub-situations, its
 * first sub-situation with services, and the first of those services that accept (NULL:
 * any) takes. Fails the test when the content has no such path. */
typedef gboolean (*UiTestServiceFilter) (BakenCatalog *catalog,
                                         BakenService *service,
                                         gpointer      data);
void          ui_test_find_path         (BakenCatalog        *catalog,
                                         UiTestServiceFilter  accept,
                                         gpointer             data,
                                         char               **event_id,
                                         char               **situation_id,
                                         char               **service_id);

/* Activates action (parameter may be NULL; a floating one is consumed) on the window,
 * which must accept it, then settles. */
void          ui_test_activate          (BakenWindow  *window,
                                         const char   *action,
                                         GVariant     *parameter);
/* baken_window_open() (the --open steps), which must succeed, then settles. */
void          ui_test_open              (BakenWindow  *window,
                                         const char   *step);

/* Waits (up to timeout_ms) until the window shows location ("home", "service:ID", see
 * baken_window_dup_location ()), settles, and fails the test naming what it shows. */
void          ui_test_assert_location   (BakenWindow  *window,
                                         const char   *location,
                                         guint         timeout_ms);
/* Activates action with a string target (or none, for NULL), which the window must
 * accept, and asserts it leads to expected_location within 2 s. */
void          ui_test_activate_to       (BakenWindow  *window,
                                         const char   *action,
                                         const char   *target,
                                         const char   *expected_location);

/* The print page on screen (fails the test when there is none). */
GtkWidget    *ui_test_print_page        (BakenWindow  *window);
/* Waits until the print page's preview is drawn (10 s at most), then settles. */
void          ui_test_wait_preview      (BakenWindow  *window);

/* Appends to found what is wrong under root, or nothing. */
typedef void (*UiTestScreenCheck) (GtkWidget *root,
                                   GString   *found);
/* In a window of 1080 × 1920 offering nl, en and ar, switched to language: opens each
 * of steps in turn ("home" is where it starts; a "print:" step waits for the preview
 * and goes home after) and fails naming the step and what check found there, after
 * problem ("a horizontal GtkBox holds text that wraps"). */
void          ui_test_check_screens     (const char        *language,
                                         const char *const *steps,
                                         guint              n_steps,
                                         UiTestScreenCheck  check,
                                         const char        *problem);
/* Waits until the print page shows state ("preview", "printing", "done", "failed");
 * fails the test after timeout_ms. Returns the seconds it took. */
double        ui_test_wait_print_state  (BakenWindow  *window,
                                         const char   *state,
                                         guint         timeout_ms);
/* Taps Print on the print page. */
void          ui_test_press_print       (BakenWindow  *window);

/* Every drawn label under window shows its whole text: not ellipsized (but the kiosk
 * name), no larger than its allocation, inside its button and the window (scrolled
 * content may be out of view vertically, never to the side). Fails the test naming
 * screen and the label; returns how many labels it checked. */
guint         ui_test_assert_labels_whole (BakenWindow *window,
                                           const char  *screen);

G_END_DECLS
