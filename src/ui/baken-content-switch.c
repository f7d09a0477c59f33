/* baken-content-switch.c: new content between residents, and the staff notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle the sync brings waits (BakenKioskContent:update-pending) until the window is
 * between residents: at the next idle reset, or at once when it is at rest (Home, in the
 * default language, no prompt). Never while a resident is somewhere on a path. Once the
 * new Home is drawn, the sync store hears that the content opened.
 *
 * Stale content (BakenKioskContent:stale) shows a small mark in the top bar with an
 * accessible name for staff; residents get no error text.
 */
#define G_LOG_DOMAIN "baken-window-content"

#include "config.h"

#include "baken-content-switch.h"

#include <glib/gi18n.h>

#include "baken-icon.h"

struct _BakenContentSwitch
{
  GObject            parent_instance;

  /* Inputs */
  GtkWidget         *window;        /* (unowned) the window, which owns this */
  AdwBin            *status_slot;   /* (unowned) in window */
  BakenKioskContent *content;       /* (owned) */

  /* State */
  GdkFrameClock     *clock;         /* (owned) (nullable) while paint_id */
  gulong             paint_id;      /* reports the new content shown once drawn */
};

G_DEFINE_FINAL_TYPE (BakenContentSwitch, baken_content_switch, G_TYPE_OBJECT)

enum {
  SIGNAL_UPDATE_WAITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
after_paint_cb (GdkFrameClock      *frame_clock,
                BakenContentSwitch *self)
{
  BakenKioskContent *content = self->content;

  g_clear_signal_handler (&self->paint_id, frame_clock);
  g_clear_object (&self->clock);

  if (content != NULL && baken_kiosk_content_get_catalog (content) != NULL)
    baken_kiosk_content_shown (content);
}

/* Tells the sync store the content opened once the page in the stack is drawn. */
static void
report_shown_when_drawn (BakenContentSwitch *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (self->window);

  if (frame_clock == NULL || self->paint_id != 0)
    return;

  self->clock = g_object_ref (frame_clock);
  self->paint_id = g_signal_connect (frame_clock, "after-paint",
                                     G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (self->window);
}

static void
map_cb (BakenContentSwitch *self)
{
  g_signal_handlers_disconnect_by_func (self->window, map_cb, self);
  report_shown_when_drawn (self);
}

static void
update_stale_mark (BakenContentSwitch *self)
{
  BakenKioskContent *content = self->content;
  guint stale = content != NULL ? baken_kiosk_content_get_stale (content) : 0;
  gint64 behind = content != NULL ? baken_kiosk_content_get_clock_behind (content) : 0;
  g_autofree char *clock_text = NULL;
  GtkWidget *mark;

  adw_bin_set_child (self->status_slot, NULL);
  if (stale == BAKEN_STALE_NONE && behind <= 0)
    return;

  if (behind > 0)
    clock_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: for staff: the kiosk's clock
                                                * is N minutes behind the content's */
                                               "De klok van deze kiosk loopt %d minuut achter. "
                                               "Laat de tijd instellen.",
                                               "De klok van deze kiosk loopt %d minuten achter. "
                                               "Laat de tijd instellen.",
                                               (gulong) MIN (behind / 60, G_MAXINT)),
                                  (int) MIN (behind / 60, G_MAXINT));

  /* Built in the current language: staff may have switched it. */
  mark = g_object_new (BAKEN_TYPE_ICON,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                       "icon-name", "clock",
                       "pixel-size", 24,
                       "valign", GTK_ALIGN_CENTER,
                       NULL);
  gtk_widget_add_css_class (mark, "stale-mark");
  gtk_widget_set_name (mark, "stale-mark");
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of a small mark in
                                   * the top bar, for staff only */
                                  stale != BAKEN_STALE_NONE
                                  ? _("Melding voor medewerkers: de inhoud is niet bijgewerkt")
                                  /* Translators: the accessible name of a small mark in
                                   * the top bar, for staff only */
                                  : _("Melding voor medewerkers: de klok loopt achter"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  (stale & BAKEN_STALE_EXPIRED)
                                  ? _("De inhoud is verlopen. Er is nog geen nieuwe inhoud "
                                      "binnengekomen.")
                                  : stale != BAKEN_STALE_NONE
                                  ? _("De laatste update is te lang geleden.")
                                  : clock_text,
                                  -1);
  adw_bin_set_child (self->status_slot, mark);
}

static void
stale_changed_cb (BakenContentSwitch *self)
{
  update_stale_mark (self);
}

static void
update_pending_cb (BakenContentSwitch *self)
{
  BakenKioskContent *content = self->content;

  if (!baken_kiosk_content_get_update_pending (content))
    return;

  /* The window switches now when nobody is on a path, else at its idle reset. */
  g_signal_emit (self, signals[SIGNAL_UPDATE_WAITING], 0);
}

static void
baken_content_switch_dispose (GObject *object)
{
  BakenContentSwitch *self = BAKEN_CONTENT_SWITCH (object);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->paint_id, self->clock);
  g_clear_object (&self->clock);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (baken_content_switch_parent_class)->dispose (object);
}

static void
baken_content_switch_class_init (BakenContentSwitchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_content_switch_dispose;

  signals[SIGNAL_UPDATE_WAITING] =
    g_signal_new ("update-waiting",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_content_switch_init (BakenContentSwitch *self)
{
}

BakenContentSwitch *
baken_content_switch_new (GtkWidget         *window,
                          AdwBin            *status_slot,
                          BakenKioskContent *content)
{
  BakenContentSwitch *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (ADW_IS_BIN (status_slot), NULL);
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (content), NULL);

  self = g_object_new (BAKEN_TYPE_CONTENT_SWITCH, NULL);
  self->window = window;
  self->status_slot = status_slot;
  self->content = g_object_ref (content);

  g_signal_connect_object (content, "notify::update-pending",
                           G_CALLBACK (update_pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (content, "notify::stale",
                           G_CALLBACK (stale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "map", G_CALLBACK (map_cb), self, G_CONNECT_SWAPPED);
  update_stale_mark (self);

  return self;
}

void
baken_content_switch_start (BakenContentSwitch *self)
{
  g_return_if_fail (BAKEN_IS_CONTENT_SWITCH (self));

  /* A bundle that was verified while the window was being built. */
  if (baken_kiosk_content_get_update_pending (self->content))
    update_pending_cb (self);
}

void
baken_content_switch_apply (BakenContentSwitch *self)
{
  g_return_if_fail (BAKEN_IS_CONTENT_SWITCH (self));

  if (!baken_kiosk_content_apply_update (self->content))
    return;

  if (gtk_widget_get_mapped (self->window))
    report_shown_when_drawn (self);
}

void
baken_content_switch_update_mark (BakenContentSwitch *self)
{
  g_return_if_fail (BAKEN_IS_CONTENT_SWITCH (self));

  update_stale_mark (self);
}
