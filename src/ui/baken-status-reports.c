/* baken-status-reports.c: the monitor's reports on the staff status screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No file chooser on a kiosk: the reports go onto the first USB stick that is
 * mounted (a removable drive's mount), into its folder KIOSK-ID/.
 */
#define G_LOG_DOMAIN "baken-status-page"

#include "config.h"

#include "baken-status-reports.h"

#include <glib/gi18n.h>

#include "baken-page.h"

struct _BakenStatusReports
{
  GtkBox           parent_instance;

  BakenContext    *context;   /* (owned) */
  GVolumeMonitor  *volumes;   /* (owned) */
  GtkWidget       *lines;     /* the lines that change */
  GtkWidget       *button;
  GtkWidget       *result;
  GCancellable    *cancellable;  /* (owned) the export */
};

G_DEFINE_FINAL_TYPE (BakenStatusReports, baken_status_reports, GTK_TYPE_BOX)

/* The folder of the first USB stick that is mounted; NULL when none. */
static char *
find_stick (BakenStatusReports *self)
{
  const char *folder = g_getenv ("BAKEN_EXPORT_TO_DIR");
  GList *mounts;
  char *path = NULL;

  if (folder != NULL && *folder != '\0')
    return g_strdup (folder);

  mounts = g_volume_monitor_get_mounts (self->volumes);
  for (GList *l = mounts; l != NULL && path == NULL; l = l->next)
    {
      g_autoptr(GDrive) drive = g_mount_get_drive (l->data);
      g_autoptr(GFile) root = g_mount_get_root (l->data);

      if (drive != NULL && g_drive_is_removable (drive) && g_mount_can_unmount (l->data))
        path = g_file_get_path (root);
    }
  g_list_free_full (mounts, g_object_unref);

  return path;
}

static void
refresh (BakenStatusReports *self)
{
  BakenMonitor *monitor = baken_context_get_monitor (self->context);
  const BakenUploadStatus *status;
  const BakenMonitorSettings *settings;
  g_autofree char *stick = find_stick (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lines)))
    gtk_box_remove (GTK_BOX (self->lines), child);

  if (monitor == NULL)
    {
      gtk_box_append (GTK_BOX (self->lines),
                      baken_page_label_new (_("Deze kiosk houdt geen tellingen bij."), "body"));
      gtk_widget_set_visible (self->button, FALSE);
      return;
    }

  status = baken_monitor_get_upload_status (monitor);
  settings = baken_monitor_get_settings (monitor);
  if (settings->upload_url == NULL)
    gtk_box_append (GTK_BOX (self->lines),
                    baken_page_label_new (_("Er is geen server ingesteld: neem de rapporten "
                                            "mee op een USB-stick."), "body"));
  else if (baken_monitor_get_uploading (monitor))
    gtk_box_append (GTK_BOX (self->lines),
                    baken_page_label_new (_("Bezig met versturen…"), "status-value"));
  else if (status->last_attempt == 0)
    gtk_box_append (GTK_BOX (self->lines),
                    baken_page_label_new (_("Nog nooit verstuurd."), "body"));
  else
    {
      g_autoptr(GDateTime) now = baken_context_dup_now (self->context);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (status->last_attempt);
      g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, baken_local_timezone ());
      g_autofree char *time = g_date_time_format (when, "%d-%m-%Y %H:%M");
      /* Translators: %s is a date and time, e.g. "07-12-2026 05:12" */
      g_autofree char *text = g_strdup_printf (status->failures == 0
                                               ? _("Laatst verstuurd: %s")
                                               : _("Versturen mislukt: %s"), time);

      gtk_box_append (GTK_BOX (self->lines),
                      baken_page_label_new (text, status->failures == 0 ? "body"
                                                                         : "status-warning"));
      /* What the server said, e.g. "HTTP 401 …: check [monitor] upload-token". */
      if (status->last_result != NULL)
        gtk_box_append (GTK_BOX (self->lines),
                        baken_page_label_new (status->last_result, "dim-note"));
    }

  gtk_widget_set_visible (self->button, TRUE);
  gtk_widget_set_sensitive (self->button, stick != NULL);
  if (stick == NULL)
    gtk_box_append (GTK_BOX (self->lines),
                    baken_page_label_new (_("Steek een USB-stick in om de rapporten mee te "
                                            "nemen."), "dim-note"));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint exported = baken_monitor_export_finish (BAKEN_MONITOR (source), result, &error);
  BakenStatusReports *self;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = BAKEN_STATUS_REPORTS (user_data);
  gtk_widget_set_sensitive (self->button, TRUE);
  if (error != NULL)
    {
      g_message ("Exporting the reports: %s", error->message);
      text = g_strdup_printf (_("Dat lukte niet: %s"), error->message);
    }
  else
    text = g_strdup_printf (ngettext ("%u rapport op de USB-stick gezet.",
                                      "%u rapporten op de USB-stick gezet.", exported),
                            exported);
  gtk_label_set_label (GTK_LABEL (self->result), text);
  gtk_widget_set_visible (self->result, TRUE);
}

static void
export_clicked_cb (BakenStatusReports *self)
{
  BakenMonitor *monitor = baken_context_get_monitor (self->context);
  g_autofree char *stick = find_stick (self);

  if (monitor == NULL || stick == NULL)
    return;
  gtk_widget_set_sensitive (self->button, FALSE);
  gtk_widget_set_visible (self->result, FALSE);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  baken_monitor_export_async (monitor, stick, self->cancellable, exported_cb, self);
}

static void
baken_status_reports_dispose (GObject *object)
{
  BakenStatusReports *self = BAKEN_STATUS_REPORTS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->volumes);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_status_reports_parent_class)->dispose (object);
}

static void
baken_status_reports_class_init (BakenStatusReportsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baken_status_reports_dispose;
}

static void
baken_status_reports_init (BakenStatusReports *self)
{
}

GtkWidget *
baken_status_reports_new (BakenContext *context)
{
  BakenStatusReports *self;
  BakenMonitor *monitor;

  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);

  self = g_object_new (BAKEN_TYPE_STATUS_REPORTS, "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 8, NULL);
  self->context = g_object_ref (context);
  self->volumes = g_volume_monitor_get ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "status-section");

  /* Translators: staff status screen: the daily reports of anonymous counts */
  gtk_box_append (GTK_BOX (self), baken_page_label_new (_("Rapporten"), "section-title"));
  self->lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (self), self->lines);
  self->button = gtk_button_new_with_label (_("Op USB-stick zetten"));
  gtk_widget_add_css_class (self->button, "big-action");
  gtk_widget_set_halign (self->button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (self), self->button);
  self->result = baken_page_label_new ("", "status-value");
  gtk_widget_set_visible (self->result, FALSE);
  gtk_box_append (GTK_BOX (self), self->result);

  monitor = baken_context_get_monitor (context);
  if (monitor != NULL)
    g_signal_connect_object (monitor, "upload-changed", G_CALLBACK (refresh), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->volumes, "mount-added", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->volumes, "mount-removed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);

  return GTK_WIDGET (self);
}
