/* baken-window-content.c: new content between residents, and the staff notice
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

#include "baken-window-private.h"

#include <glib/gi18n.h>

#include "baken-icon.h"

static BakenKioskContent *
get_content (BakenWindow *self)
{
  return self->context != NULL ? baken_context_get_content (self->context) : NULL;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                BakenWindow   *self)
{
  BakenKioskContent *content = get_content (self);

  g_clear_signal_handler (&self->content_paint_id, frame_clock);
  g_clear_object (&self->content_clock);

  if (content != NULL && baken_context_get_catalog (self->context) != NULL)
    baken_kiosk_content_shown (content);
}

/* Tells the sync store the content opened once the page in the stack is drawn. */
static void
report_shown_when_drawn (BakenWindow *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock == NULL || self->content_paint_id != 0)
    return;

  self->content_clock = g_object_ref (frame_clock);
  self->content_paint_id = g_signal_connect (frame_clock, "after-paint",
                                             G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
map_cb (BakenWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, map_cb, NULL);
  report_shown_when_drawn (self);
}

static void
update_stale_mark (BakenWindow *self)
{
  BakenKioskContent *content = get_content (self);
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
stale_changed_cb (BakenWindow *self)
{
  update_stale_mark (self);
}

static void
update_pending_cb (BakenWindow *self)
{
  BakenKioskContent *content = get_content (self);

  if (!baken_kiosk_content_get_update_pending (content))
    return;

  /* Nobody is on a path: switch now. Otherwise _baken_window_reset () does it. */
  if (_baken_window_is_at_rest (self))
    _baken_window_reset (self);
}

void
_baken_window_content_init (BakenWindow *self)
{
  BakenKioskContent *content = get_content (self);

  if (content == NULL)
    return;

  g_signal_connect_object (content, "notify::update-pending",
                           G_CALLBACK (update_pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (content, "notify::stale",
                           G_CALLBACK (stale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::language", G_CALLBACK (stale_changed_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_stale_mark (self);

  /* A bundle that was verified while the window was being built. */
  if (baken_kiosk_content_get_update_pending (content))
    update_pending_cb (self);
}

void
_baken_window_content_dispose (BakenWindow *self)
{
  if (self->content_clock != NULL)
    g_clear_signal_handler (&self->content_paint_id, self->content_clock);
  g_clear_object (&self->content_clock);
}

void
_baken_window_content_reset (BakenWindow *self)
{
  BakenKioskContent *content = get_content (self);

  if (content == NULL || !baken_kiosk_content_apply_update (content))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    report_shown_when_drawn (self);
}
