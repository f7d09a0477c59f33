/* baken-file-printer.c: a printer that writes each slip as a PDF file into a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-file-printer"

#include "config.h"

#include "baken-file-printer.h"

#include <glib/gstdio.h>
#include <unistd.h>

struct _BakenFilePrinter
{
  GObject  parent_instance;

  char    *folder;  /* (owned) */
  guint    count;   /* slips written, for unique names; atomic */
};

static void printer_iface_init (BakenPrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenFilePrinter, baken_file_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BAKEN_TYPE_PRINTER, printer_iface_init))

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR) || g_access (folder, W_OK) != 0)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER,
                   "The slip folder %s does not exist or cannot be written", folder);
      return FALSE;
    }

  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BakenFilePrinter *self = source_object;
  g_autoptr(GError) error = NULL;

  if (!check_folder (self->folder, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
submit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BakenFilePrinter *self = source_object;
  GBytes *pdf = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("slip-%s-%u.pdf", stamp,
                                           (guint) g_atomic_int_add (&self->count, 1) + 1);
  g_autofree char *path = g_build_filename (self->folder, name, NULL);
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!check_folder (self->folder, &error))
    return g_task_return_error (task, g_steal_pointer (&error));

  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &error))
    return g_task_return_new_error (task, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED,
                                    "Cannot write the slip: %s", error->message);

  g_debug ("Wrote %s", path);
  g_task_return_boolean (task, TRUE);
}

static void
file_printer_check_async (BakenPrinter        *printer,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (printer, cancellable, callback, user_data);

  g_task_set_source_tag (task, file_printer_check_async);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
file_printer_check_finish (BakenPrinter  *printer,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
file_printer_submit_async (BakenPrinter        *printer,
                           GBytes              *pdf,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (printer, cancellable, callback, user_data);

  g_task_set_source_tag (task, file_printer_submit_async);
  g_task_set_task_data (task, g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, submit_thread);
}

static gboolean
file_printer_submit_finish (BakenPrinter  *printer,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
printer_iface_init (BakenPrinterInterface *iface)
{
  iface->check_async = file_printer_check_async;
  iface->check_finish = file_printer_check_finish;
  iface->submit_async = file_printer_submit_async;
  iface->submit_finish = file_printer_submit_finish;
}

static void
baken_file_printer_finalize (GObject *object)
{
  BakenFilePrinter *self = BAKEN_FILE_PRINTER (object);

  g_free (self->folder);

  G_OBJECT_CLASS (baken_file_printer_parent_class)->finalize (object);
}

static void
baken_file_printer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BakenFilePrinter *self = BAKEN_FILE_PRINTER (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, baken_file_printer_get_folder (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_file_printer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BakenFilePrinter *self = BAKEN_FILE_PRINTER (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_file_printer_class_init (BakenFilePrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baken_file_printer_finalize;
  object_class->get_property = baken_file_printer_get_property;
  object_class->set_property = baken_file_printer_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_file_printer_init (BakenFilePrinter *self)
{
}

BakenPrinter *
baken_file_printer_new (const char *folder)
{
  g_return_val_if_fail (folder != NULL, NULL);

  return g_object_new (BAKEN_TYPE_FILE_PRINTER, "folder", folder, NULL);
}

const char *
baken_file_printer_get_folder (BakenFilePrinter *self)
{
  g_return_val_if_fail (BAKEN_IS_FILE_PRINTER (self), NULL);

  return self->folder;
}
