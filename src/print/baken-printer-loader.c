/* baken-printer-loader.c: the CUPS printer, loaded when the first slip needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-printer-loader"

#include "config.h"

#include "baken-printer-loader.h"

#include "baken-module.h"

/* baken_cups_printer_new () in the module. */
typedef BakenPrinter *(*CupsPrinterNewFunc) (const char *printer,
                                             const char *server,
                                             guint       timeout);

struct _BakenPrinterLoader
{
  GObject       parent_instance;

  /* Inputs, for the CUPS printer */
  char         *printer;  /* (owned) (nullable) */
  char         *server;   /* (owned) (nullable) */
  guint         timeout;

  /* The CUPS printer, once loaded. Under lock. */
  GMutex        lock;
  BakenPrinter *loaded;   /* (owned) (nullable) */
};

static void printer_iface_init (BakenPrinterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenPrinterLoader, baken_printer_loader, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BAKEN_TYPE_PRINTER, printer_iface_init))

/* (transfer full): the CUPS printer, loading it first if need be. */
static BakenPrinter *
dup_loaded (BakenPrinterLoader  *self,
            GError             **error)
{
  BakenPrinter *printer = NULL;

  g_mutex_lock (&self->lock);

  if (self->loaded == NULL)
    {
      g_autoptr(GError) module_error = NULL;
      CupsPrinterNewFunc cups_printer_new;

      cups_printer_new = (CupsPrinterNewFunc) baken_module_lookup (BAKEN_PRINTER_MODULE,
                                                                   "baken_cups_printer_new",
                                                                   &module_error);
      if (cups_printer_new == NULL)
        g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED,
                     "The printer cannot be used: %s", module_error->message);
      else
        self->loaded = cups_printer_new (self->printer, self->server, self->timeout);
    }
  if (self->loaded != NULL)
    printer = g_object_ref (self->loaded);

  g_mutex_unlock (&self->lock);

  return printer;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean ready = baken_printer_check_finish (BAKEN_PRINTER (object), result, &error);

  /* The loaded printer's supplies, for loader_check_markers. */
  g_task_set_task_data (task, baken_printer_check_get_markers (BAKEN_PRINTER (object), result),
                        (GDestroyNotify) g_ptr_array_unref);
  if (ready)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
submit_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (baken_printer_submit_finish (BAKEN_PRINTER (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
loader_check_async (BakenPrinter        *printer,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  BakenPrinterLoader *self = BAKEN_PRINTER_LOADER (printer);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(BakenPrinter) loaded = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, loader_check_async);

  loaded = dup_loaded (self, &error);
  if (loaded == NULL)
    return g_task_return_error (task, error);

  baken_printer_check_async (loaded, cancellable, check_done_cb, g_steal_pointer (&task));
}

static void
loader_submit_async (BakenPrinter        *printer,
                     GBytes              *pdf,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  BakenPrinterLoader *self = BAKEN_PRINTER_LOADER (printer);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(BakenPrinter) loaded = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, loader_submit_async);

  loaded = dup_loaded (self, &error);
  if (loaded == NULL)
    return g_task_return_error (task, error);

  baken_printer_submit_async (loaded, pdf, cancellable, submit_done_cb,
                              g_steal_pointer (&task));
}

static gboolean
loader_finish (BakenPrinter  *printer,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GPtrArray *
loader_check_markers (BakenPrinter *printer,
                      GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, printer), NULL);

  return baken_printer_markers_copy (g_task_get_task_data (G_TASK (result)));
}

static void
printer_iface_init (BakenPrinterInterface *iface)
{
  iface->check_markers = loader_check_markers;
  iface->check_async = loader_check_async;
  iface->check_finish = loader_finish;
  iface->submit_async = loader_submit_async;
  iface->submit_finish = loader_finish;
}

static void
baken_printer_loader_dispose (GObject *object)
{
  BakenPrinterLoader *self = BAKEN_PRINTER_LOADER (object);

  g_clear_object (&self->loaded);

  G_OBJECT_CLASS (baken_printer_loader_parent_class)->dispose (object);
}

static void
baken_printer_loader_finalize (GObject *object)
{
  BakenPrinterLoader *self = BAKEN_PRINTER_LOADER (object);

  g_free (self->printer);
  g_free (self->server);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (baken_printer_loader_parent_class)->finalize (object);
}

static void
baken_printer_loader_class_init (BakenPrinterLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_printer_loader_dispose;
  object_class->finalize = baken_printer_loader_finalize;
}

static void
baken_printer_loader_init (BakenPrinterLoader *self)
{
  g_mutex_init (&self->lock);
}

BakenPrinter *
baken_printer_loader_new_cups (const char *printer,
                               const char *server,
                               guint       timeout)
{
  BakenPrinterLoader *self;

  g_return_val_if_fail (timeout >= 1, NULL);

  self = g_object_new (BAKEN_TYPE_PRINTER_LOADER, NULL);
  self->printer = g_strdup (printer);
  self->server = g_strdup (server);
  self->timeout = timeout;

  return BAKEN_PRINTER (self);
}
