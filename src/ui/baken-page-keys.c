/* baken-page-keys.c: a physical keyboard types into the search and handover pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-page-keys.h"

#include "baken-handover-page.h"
#include "baken-search-page.h"

typedef struct
{
  BakenNavigator           *navigator;  /* (unowned) */
  BakenPageKeysCoveredFunc  covered;
  gpointer                  user_data;  /* (unowned) */
} PageKeys;

/* A physical keyboard types into search, wherever the focus is on the page (in kiosk
 * mode too: the kiosk's filter lets plain keys through). Keys that a focused control
 * uses (Enter and Space on a button, Tab) reach it first: this is the bubble phase. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       PageKeys              *keys)
{
  GtkWidget *page = baken_navigator_get_page (keys->navigator);

  if (keys->covered (keys->user_data))
    return GDK_EVENT_PROPAGATE;
  if (!BAKEN_IS_SEARCH_PAGE (page))
    return GDK_EVENT_PROPAGATE;

  return baken_search_page_press_key (BAKEN_SEARCH_PAGE (page), keyval, state)
         ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* The desk types the handover note on its own keyboard: before any focused button takes
 * Space as a tap (capture phase). */
static gboolean
handover_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         PageKeys              *keys)
{
  GtkWidget *page = baken_navigator_get_page (keys->navigator);

  if (!BAKEN_IS_HANDOVER_PAGE (page) || keys->covered (keys->user_data))
    return GDK_EVENT_PROPAGATE;

  return baken_handover_page_press_key (BAKEN_HANDOVER_PAGE (page), keyval, state)
         ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
page_keys_free (gpointer data,
                GClosure *closure)
{
  g_free (data);
}

void
baken_page_keys_attach (GtkWidget                *window,
                        BakenNavigator           *navigator,
                        BakenPageKeysCoveredFunc  covered,
                        gpointer                  user_data)
{
  GtkEventController *controller;
  PageKeys *keys;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (BAKEN_IS_NAVIGATOR (navigator));
  g_return_if_fail (covered != NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-search-keys");
  keys = g_new0 (PageKeys, 1);
  *keys = (PageKeys) { navigator, covered, user_data };
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), keys,
                         page_keys_free, 0);
  gtk_widget_add_controller (window, controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-handover-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  keys = g_new0 (PageKeys, 1);
  *keys = (PageKeys) { navigator, covered, user_data };
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (handover_key_pressed_cb),
                         keys, page_keys_free, 0);
  gtk_widget_add_controller (window, controller);
}
