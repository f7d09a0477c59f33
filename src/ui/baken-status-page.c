/* baken-status-page.c: for staff — is the content current, does the sync work, is the
 * printer ready
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three blocks, each a heading and short lines a desk clerk can read at a glance:
 * - Inhoud: the serial, when it was published, the key that signed it, how old it is;
 * - Bijwerken: the last attempt, its result and reason, the next scheduled one, and
 *   "Nu bijwerken" (the sync runs in the background; a resident is never interrupted:
 *   new content is applied at the next idle reset);
 * - Printer: its state from the printer's own check (asynchronous, with the printer's
 *   deadline), its supplies when it reports them (toner, ink: low ones marked),
 *   "Proefafdruk", and the last 20 print outcomes of the print log (time, paper, ok or
 *   why not: never what was printed).
 * Then the monitor's reports (baken-status-reports.c).
 */
#define G_LOG_DOMAIN "baken-status-page"

#include "config.h"

#include "baken-status-page.h"

#include <glib/gi18n.h>

#include "baken-kiosk-content.h"
#include "baken-printer.h"
#include "baken-slip-render.h"
#include "baken-state.h"
#include "baken-status-reports.h"
#include "baken-sync.h"

#define PRINT_LOG_LINES 20

struct _BakenStatusPage
{
  BakenPage     parent_instance;

  GtkWidget    *scroller;
  GtkBox       *content_box;
  GtkBox       *sync_box;
  GtkBox       *printer_box;
  GtkLabel     *printer_state;
  GtkLabel     *printer_supplies;  /* toner, ink, paper, when the printer says */
  GtkBox       *print_log;
  GtkWidget    *sync_button;
  GtkWidget    *test_print;

  BakenSync    *sync;         /* (unowned) (nullable) */
  gulong        busy_id;
  gulong        finished_id;
  GCancellable *cancellable;  /* (owned) the printer check */
  GCancellable *test_cancellable;  /* (owned) the test print */
};

G_DEFINE_FINAL_TYPE (BakenStatusPage, baken_status_page, BAKEN_TYPE_PAGE)

static void
clear (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

/* "vandaag 14:05", "gisteren 03:12", "ma 30 nov 03:12" — local time. */
static char *
format_when (GDateTime *now,
             gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, baken_local_timezone ());
  g_autofree char *clock = g_date_time_format (when, "%H:%M");
  GDate today, day;

  baken_date_from_datetime (now, &today);
  baken_date_from_datetime (when, &day);
  if (g_date_compare (&today, &day) == 0)
    /* Translators: a time today, e.g. "vandaag 14:05" */
    return g_strdup_printf (_("vandaag %s"), clock);
  g_date_add_days (&day, 1);
  if (g_date_compare (&today, &day) == 0)
    return g_strdup_printf (_("gisteren %s"), clock);
  g_date_subtract_days (&day, 2);
  if (g_date_compare (&today, &day) == 0)
    return g_strdup_printf (_("morgen %s"), clock);
  return g_date_time_format (when, "%d-%m-%Y %H:%M");
}

static char *
format_age (gint64 seconds)
{
  gint64 days = seconds / 86400;

  if (seconds < 3600)
    return g_strdup (_("minder dan een uur oud"));
  if (days < 1)
    return g_strdup_printf (ngettext ("%u uur oud", "%u uur oud", (guint) (seconds / 3600)),
                            (guint) (seconds / 3600));
  return g_strdup_printf (ngettext ("%u dag oud", "%u dagen oud", (guint) days), (guint) days);
}

static const char *
origin_text (BakenContentOrigin origin)
{
  switch (origin)
    {
    case BAKEN_CONTENT_ORIGIN_NONE:
      return _("Geen inhoud: de kiosk wordt klaargemaakt.");
    case BAKEN_CONTENT_ORIGIN_GIVEN:
    case BAKEN_CONTENT_ORIGIN_PATH:
      return _("Bron: de map uit de instellingen.");
    case BAKEN_CONTENT_ORIGIN_DEMO:
      return _("Bron: de demo-inhoud (Voorbeeldstad). Stel een sync in.");
    case BAKEN_CONTENT_ORIGIN_SYNC:
      return _("Bron: de laatste sync.");
    default:
      return "";
    }
}

static void
fill_content (BakenStatusPage *self,
              GDateTime       *now)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  BakenKioskContent *content = baken_context_get_content (context);
  BakenCatalog *catalog = baken_context_get_catalog (context);
  g_autofree char *serial = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) created_at = NULL;

  clear (self->content_box);
  gtk_box_append (self->content_box, baken_page_label_new (_("Inhoud"), "section-title"));

  if (catalog != NULL)
    {
      serial = baken_catalog_dup_meta (catalog, "serial");
      created = baken_catalog_dup_meta (catalog, "created");
    }
  if (created != NULL)
    created_at = g_date_time_new_from_iso8601 (created, NULL);

  if (serial != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Versie %s"), serial);

      gtk_box_append (self->content_box, baken_page_label_new (text, "status-value"));
    }
  if (created_at != NULL)
    {
      g_autofree char *when = format_when (now, g_date_time_to_unix (created_at));
      g_autofree char *age = format_age (g_date_time_difference (now, created_at) /
                                         G_TIME_SPAN_SECOND);
      g_autofree char *text = g_strdup_printf (_("Gepubliceerd %s (%s)"), when, age);

      gtk_box_append (self->content_box, baken_page_label_new (text, "body"));
    }
  if (content != NULL)
    {
      const char *key = baken_kiosk_content_get_key_id (content);
      gint64 behind = baken_kiosk_content_get_clock_behind (content);

      if (key != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Ondertekend met sleutel %s"), key);

          gtk_box_append (self->content_box, baken_page_label_new (text, "body"));
        }
      gtk_box_append (self->content_box,
                      baken_page_label_new (origin_text (baken_kiosk_content_get_origin (content)), "body"));
      if (behind > 0)
        {
          g_autofree char *text =
            g_strdup_printf (ngettext ("De klok van de kiosk loopt %u minuut achter.",
                                       "De klok van de kiosk loopt %u minuten achter.",
                                       (guint) (behind / 60)),
                             (guint) (behind / 60));

          gtk_box_append (self->content_box, baken_page_label_new (text, "status-warning"));
        }
    }
}

static const char *
result_text (BakenSyncResult result)
{
  switch (result)
    {
    case BAKEN_SYNC_RESULT_INSTALLED:
      return _("gelukt, nieuwe inhoud");
    case BAKEN_SYNC_RESULT_UNCHANGED:
      return _("gelukt, niets nieuws");
    case BAKEN_SYNC_RESULT_FAILED:
      return _("mislukt");
    case BAKEN_SYNC_RESULT_REFUSED:
      return _("geweigerd: de inhoud klopt niet (meld dit aan ICT)");
    case BAKEN_SYNC_RESULT_FALLBACK:
      return _("terug naar de vorige inhoud");
    default:
      return "";
    }
}

static void
fill_sync (BakenStatusPage *self,
           GDateTime       *now)
{
  BakenState *state = baken_context_get_state (baken_page_get_context (BAKEN_PAGE (self)));
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next;

  clear (self->sync_box);
  gtk_box_append (self->sync_box, baken_page_label_new (_("Bijwerken"), "section-title"));

  /* The last attempt, from the state DB (a sync from a USB stick counts too). */
  if (state != NULL)
    log = baken_state_get_sync_log (state, 1, &error);
  if (state == NULL)
    ;
  else if (log == NULL)
    g_message ("Status page: cannot read the sync log: %s", error->message);
  else if (log->len == 0)
    gtk_box_append (self->sync_box, baken_page_label_new (_("Nog nooit bijgewerkt."), "body"));
  else
    {
      BakenSyncLogEntry *entry = g_ptr_array_index (log, 0);
      g_autofree char *when = format_when (now, entry->time);
      g_autofree char *text = g_strdup_printf (_("Laatste poging: %s, %s"), when,
                                               result_text (entry->result));

      gtk_box_append (self->sync_box, baken_page_label_new (text, entry->result == BAKEN_SYNC_RESULT_FAILED ||
                                                  entry->result == BAKEN_SYNC_RESULT_REFUSED
                                                  ? "status-warning" : "body"));
      if (entry->reason != NULL &&
          (entry->result == BAKEN_SYNC_RESULT_FAILED || entry->result == BAKEN_SYNC_RESULT_REFUSED))
        gtk_box_append (self->sync_box, baken_page_label_new (entry->reason, "dim-note"));
    }

  if (self->sync == NULL)
    {
      gtk_box_append (self->sync_box,
                      baken_page_label_new (_("Deze kiosk werkt niet bij: er is geen sync ingesteld."), "body"));
      gtk_widget_set_visible (self->sync_button, FALSE);
      return;
    }

  next = baken_sync_get_next_due (self->sync);
  if (baken_sync_get_busy (self->sync))
    gtk_box_append (self->sync_box, baken_page_label_new (_("Bezig met bijwerken…"), "status-value"));
  else if (next > 0)
    {
      g_autofree char *when = format_when (now, next);
      g_autofree char *text = g_strdup_printf (_("Volgende keer: %s"), when);

      gtk_box_append (self->sync_box, baken_page_label_new (text, "body"));
    }
  else
    gtk_box_append (self->sync_box,
                    baken_page_label_new (_("Geen vaste tijd: er is geen sync-adres ingesteld."), "body"));

  gtk_box_append (self->sync_box, self->sync_button);
  /* Only where there is somewhere to sync from. */
  gtk_widget_set_visible (self->sync_button,
                          baken_context_get_config (baken_page_get_context (BAKEN_PAGE (self)))->sync.url != NULL);
  gtk_widget_set_sensitive (self->sync_button, !baken_sync_get_busy (self->sync));
}

static void
printer_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BakenStatusPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GString) supplies = g_string_new (NULL);
  gboolean low = FALSE;
  BakenPrintState state;

  baken_printer_check_finish (BAKEN_PRINTER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  markers = baken_printer_check_get_markers (BAKEN_PRINTER (object), result);
  for (guint i = 0; i < markers->len; i++)
    {
      g_autofree char *line = baken_printer_marker_describe (g_ptr_array_index (markers, i));

      g_string_append_printf (supplies, "%s%s", i > 0 ? "\n" : "", line);
      low |= baken_printer_marker_is_low (g_ptr_array_index (markers, i));
    }
  gtk_label_set_label (self->printer_supplies, supplies->str);
  gtk_widget_set_visible (GTK_WIDGET (self->printer_supplies), markers->len > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->printer_supplies), "status-warning");
  if (low)
    gtk_widget_add_css_class (GTK_WIDGET (self->printer_supplies), "status-warning");

  state = baken_print_state_from_error (error);
  if (state == BAKEN_PRINT_STATE_OK)
    gtk_label_set_label (self->printer_state, _("De printer is klaar."));
  else
    {
      g_autofree char *text = g_strdup_printf ("%s (%s)", baken_print_state_get_message (state),
                                               baken_print_state_to_string (state));

      gtk_label_set_label (self->printer_state, text);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->printer_state), "status-warning");
  if (state != BAKEN_PRINT_STATE_OK)
    gtk_widget_add_css_class (GTK_WIDGET (self->printer_state), "status-warning");
}

static void
fill_print_log (BakenStatusPage *self,
                GDateTime       *now)
{
  BakenState *state = baken_context_get_state (baken_page_get_context (BAKEN_PAGE (self)));
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  clear (self->print_log);
  if (state == NULL)
    return;

  log = baken_state_get_print_log (state, PRINT_LOG_LINES, &error);
  if (log == NULL)
    {
      g_message ("Status page: cannot read the print log: %s", error->message);
      return;
    }
  if (log->len == 0)
    {
      gtk_box_append (self->print_log, baken_page_label_new (_("Nog niets afgedrukt."), "dim-note"));
      return;
    }

  gtk_box_append (self->print_log, baken_page_label_new (_("Laatste afdrukken:"), "body"));
  for (guint i = 0; i < log->len; i++)
    {
      BakenPrintLogEntry *entry = g_ptr_array_index (log, i);
      g_autofree char *when = format_when (now, entry->time);
      g_autofree char *text = NULL;

      if (g_strcmp0 (entry->outcome, "ok") == 0)
        text = g_strdup_printf (_("%s · %s · gelukt"), when, entry->paper);
      else
        text = g_strdup_printf (_("%s · %s · niet gelukt: %s"), when, entry->paper,
                                entry->outcome);
      gtk_box_append (self->print_log,
                      baken_page_label_new (text, g_strcmp0 (entry->outcome, "ok") == 0 ? "dim-note"
                                                                          : "status-warning"));
    }
}

static void
test_printed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BakenStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));

  baken_printer_submit_finish (BAKEN_PRINTER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  baken_context_record_print (context, baken_print_state_from_error (error), FALSE);
  gtk_widget_set_sensitive (self->test_print, TRUE);
  baken_status_page_refresh (self);
}

static void
test_rendered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BakenStatusPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = baken_slip_render_pdf_finish (result, &error);
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));

  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_message ("Cannot draw the test slip: %s", error->message);
          gtk_widget_set_sensitive (self->test_print, TRUE);
        }
      return;
    }
  baken_printer_submit_async (baken_context_get_printer (context), pdf,
                              self->test_cancellable, test_printed_cb, g_object_ref (self));
}

/* "Proefafdruk": a slip of the kiosk itself, through the same renderer and printer as a
 * resident's. */
static void
test_print_clicked_cb (GtkButton       *button,
                       BakenStatusPage *self)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  BakenConfig *config = baken_context_get_config (context);
  g_autoptr(BakenService) service = g_new0 (BakenService, 1);
  g_autoptr(BakenSlip) slip = NULL;
  g_autoptr(GDateTime) now = baken_context_dup_now (context);
  BakenSlipPlace place;

  service->id = g_strdup ("test-print");
  service->name = g_strdup (_("Proefafdruk"));
  service->organization_name = g_strdup (config->name);
  service->description = g_strdup (_("Kunt u dit goed lezen? Dan werkt de printer."));
  service->channels = g_ptr_array_new ();
  service->locations = g_ptr_array_new ();
  service->what_to_bring = g_new0 (char *, 1);
  service->languages = g_new0 (char *, 1);
  service->hours = baken_schedule_new ();
  baken_config_get_slip_place (config, &place);
  slip = baken_slip_new (service, NULL, &place, now, NULL, baken_page_get_language (BAKEN_PAGE (self)));

  gtk_widget_set_sensitive (self->test_print, FALSE);
  gtk_label_set_label (self->printer_state, _("De proefafdruk wordt geprint…"));
  baken_slip_render_pdf_async (slip, config->paper, self->test_cancellable,
                               test_rendered_cb, g_object_ref (self));
}

static void
fill_printer (BakenStatusPage *self,
              GDateTime       *now)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));

  gtk_label_set_label (self->printer_state, _("De printer wordt nagekeken…"));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  baken_printer_check_async (baken_context_get_printer (context), self->cancellable,
                             printer_checked_cb, self);
  fill_print_log (self, now);
}

static void
sync_changed_cb (BakenStatusPage *self)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  g_autoptr(GDateTime) now = baken_context_dup_now (context);

  fill_content (self, now);
  fill_sync (self, now);
}

static void
baken_status_page_constructed (GObject *object)
{
  BakenStatusPage *self = BAKEN_STATUS_PAGE (object);
  BakenContext *context;
  BakenKioskContent *content;
  GtkWidget *page, *title, *test_print;

  G_OBJECT_CLASS (baken_status_page_parent_class)->constructed (object);

  context = baken_page_get_context (BAKEN_PAGE (self));
  content = baken_context_get_content (context);
  self->sync = content != NULL ? baken_kiosk_content_get_sync (content) : NULL;

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);
  gtk_widget_add_css_class (page, "status-page");
  title = baken_page_label_new (_("Status van de kiosk"), "page-title");
  gtk_box_append (GTK_BOX (page), title);

  self->content_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_widget_add_css_class (GTK_WIDGET (self->content_box), "status-section");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->content_box));

  self->sync_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_widget_add_css_class (GTK_WIDGET (self->sync_box), "status-section");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->sync_box));
  self->sync_button = gtk_button_new_with_label (_("Nu bijwerken"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sync_button), "app.sync-now");
  gtk_widget_add_css_class (self->sync_button, "big-action");
  gtk_widget_set_halign (self->sync_button, GTK_ALIGN_START);
  g_object_ref_sink (self->sync_button);

  self->printer_box = GTK_BOX (baken_page_section_new (GTK_BOX (page), _("Printer")));
  self->printer_state = GTK_LABEL (baken_page_label_new ("", "status-value"));
  gtk_box_append (self->printer_box, GTK_WIDGET (self->printer_state));
  self->printer_supplies = GTK_LABEL (baken_page_label_new ("", "status-value"));
  gtk_widget_set_visible (GTK_WIDGET (self->printer_supplies), FALSE);
  gtk_box_append (self->printer_box, GTK_WIDGET (self->printer_supplies));
  test_print = gtk_button_new_with_label (_("Proefafdruk"));
  g_signal_connect (test_print, "clicked", G_CALLBACK (test_print_clicked_cb), self);
  gtk_widget_add_css_class (test_print, "big-action");
  gtk_widget_set_halign (test_print, GTK_ALIGN_START);
  gtk_box_append (self->printer_box, test_print);
  self->test_print = test_print;
  self->print_log = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_box_append (self->printer_box, GTK_WIDGET (self->print_log));
  gtk_box_append (GTK_BOX (page), baken_status_reports_new (context));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), page);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  if (self->sync != NULL)
    {
      self->busy_id = g_signal_connect_swapped (self->sync, "notify::busy",
                                                G_CALLBACK (sync_changed_cb), self);
      self->finished_id = g_signal_connect_swapped (self->sync, "finished",
                                                    G_CALLBACK (sync_changed_cb), self);
    }
  baken_status_page_refresh (self);
}

static void
baken_status_page_dispose (GObject *object)
{
  BakenStatusPage *self = BAKEN_STATUS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  if (self->sync != NULL)
    {
      g_clear_signal_handler (&self->busy_id, self->sync);
      g_clear_signal_handler (&self->finished_id, self->sync);
      self->sync = NULL;
    }
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->sync_button);

  G_OBJECT_CLASS (baken_status_page_parent_class)->dispose (object);
}

static void
baken_status_page_class_init (BakenStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_status_page_constructed;
  object_class->dispose = baken_status_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspage");
}

static void
baken_status_page_init (BakenStatusPage *self)
{
  self->test_cancellable = g_cancellable_new ();
}

GtkWidget *
baken_status_page_new (BakenContext *context,
                       const char   *language)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (BAKEN_TYPE_STATUS_PAGE,
                       "context", context,
                       "language", language,
                       NULL);
}

void
baken_status_page_refresh (BakenStatusPage *self)
{
  BakenContext *context;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (BAKEN_IS_STATUS_PAGE (self));

  context = baken_page_get_context (BAKEN_PAGE (self));
  now = baken_context_dup_now (context);
  fill_content (self, now);
  fill_sync (self, now);
  fill_printer (self, now);
}
