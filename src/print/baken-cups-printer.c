/* baken-cups-printer.c: print slips through libcups, never a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printer object: its settings, and a worker thread per call that runs one
 * BakenCupsJob (baken-cups-job.c) with a copy of them.
 */
#define G_LOG_DOMAIN "baken-cups-printer"

#include "config.h"

#include "baken-cups-printer.h"

#include "baken-cups-job.h"

struct _BakenCupsPrinter
{
  GObject  parent_instance;

  char    *printer;   /* (owned) (nullable) NULL: the CUPS default */
  char    *server;    /* (owned) (nullable) NULL: what libcups would use */
  guint    timeout;   /* seconds */
};

static void printer_iface_init (BakenPrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenCupsPrinter, baken_cups_printer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BAKEN_TYPE_PRINTER, printer_iface_init))

enum {
  PROP_0,
  PROP_PRINTER,
  PROP_SERVER,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
printer_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BakenCupsJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!baken_cups_job_run (job, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
start (BakenCupsPrinter    *self,
       GBytes              *pdf,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  BakenCupsJob *job = g_new0 (BakenCupsJob, 1);

  job->printer = g_strdup (self->printer);
  job->server = g_strdup (self->server);
  job->timeout = self->timeout;
  job->pdf = pdf != NULL ? g_bytes_ref (pdf) : NULL;
  job->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_printer_marker_free);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) baken_cups_job_free);
  /* The worker itself cancels the job on cancellation, then returns. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, printer_thread);
}

static void
cups_printer_check_async (BakenPrinter        *printer,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  start (BAKEN_CUPS_PRINTER (printer), NULL, cups_printer_check_async,
         cancellable, callback, user_data);
}

static void
cups_printer_submit_async (BakenPrinter        *printer,
                           GBytes              *pdf,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  start (BAKEN_CUPS_PRINTER (printer), pdf, cups_printer_submit_async,
         cancellable, callback, user_data);
}

static gboolean
cups_printer_finish (BakenPrinter  *printer,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Read on the calling thread once the worker is done: it no longer touches the job. */
static GPtrArray *
cups_printer_check_markers (BakenPrinter *printer,
                            GAsyncResult *result)
{
  BakenCupsJob *job;

  g_return_val_if_fail (g_task_is_valid (result, printer), NULL);

  job = g_task_get_task_data (G_TASK (result));

  return baken_printer_markers_copy (job != NULL ? job->markers : NULL);
}

static void
printer_iface_init (BakenPrinterInterface *iface)
{
  iface->check_markers = cups_printer_check_markers;
  iface->check_async = cups_printer_check_async;
  iface->check_finish = cups_printer_finish;
  iface->submit_async = cups_printer_submit_async;
  iface->submit_finish = cups_printer_finish;
}

static void
baken_cups_printer_finalize (GObject *object)
{
  BakenCupsPrinter *self = BAKEN_CUPS_PRINTER (object);

  g_free (self->printer);
  g_free (self->server);

  G_OBJECT_CLASS (baken_cups_printer_parent_class)->finalize (object);
}

static void
baken_cups_printer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BakenCupsPrinter *self = BAKEN_CUPS_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PRINTER:
      g_value_set_string (value, baken_cups_printer_get_printer (self));
      break;
    case PROP_SERVER:
      g_value_set_string (value, baken_cups_printer_get_server (self));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, baken_cups_printer_get_timeout (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_cups_printer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BakenCupsPrinter *self = BAKEN_CUPS_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PRINTER:
      self->printer = g_value_dup_string (value);
      break;
    case PROP_SERVER:
      self->server = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_cups_printer_class_init (BakenCupsPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baken_cups_printer_finalize;
  object_class->get_property = baken_cups_printer_get_property;
  object_class->set_property = baken_cups_printer_set_property;

  properties[PROP_PRINTER] =
    g_param_spec_string ("printer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVER] =
    g_param_spec_string ("server", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, BAKEN_CUPS_PRINTER_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_cups_printer_init (BakenCupsPrinter *self)
{
  self->timeout = BAKEN_CUPS_PRINTER_DEFAULT_TIMEOUT;
}

BakenPrinter *
baken_cups_printer_new (const char *printer,
                        const char *server,
                        guint       timeout)
{
  g_return_val_if_fail (timeout >= 1, NULL);

  return g_object_new (BAKEN_TYPE_CUPS_PRINTER,
                       "printer", printer,
                       "server", server,
                       "timeout", timeout,
                       NULL);
}

const char *
baken_cups_printer_get_printer (BakenCupsPrinter *self)
{
  g_return_val_if_fail (BAKEN_IS_CUPS_PRINTER (self), NULL);

  return self->printer;
}

const char *
baken_cups_printer_get_server (BakenCupsPrinter *self)
{
  g_return_val_if_fail (BAKEN_IS_CUPS_PRINTER (self), NULL);

  return self->server;
}

guint
baken_cups_printer_get_timeout (BakenCupsPrinter *self)
{
  g_return_val_if_fail (BAKEN_IS_CUPS_PRINTER (self), 0);

  return self->timeout;
}
