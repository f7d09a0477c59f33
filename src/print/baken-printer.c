/* baken-printer.c: the printer interface and its states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-printer"

#include "config.h"

#include "baken-printer.h"

#include <string.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (baken-print-error-quark, baken_print_error)

G_DEFINE_INTERFACE (BakenPrinter, baken_printer, G_TYPE_OBJECT)

static const struct {
  const char      *reason;   /* without suffix */
  BakenPrintState  state;
} reasons[] = {
  /* Worst first: baken_print_state_from_reasons reports the earliest that matches. */
  { "media-jam", BAKEN_PRINT_STATE_MEDIA_JAM },
  { "media-empty", BAKEN_PRINT_STATE_MEDIA_EMPTY },
  { "media-needed", BAKEN_PRINT_STATE_MEDIA_EMPTY },
  { "cover-open", BAKEN_PRINT_STATE_COVER_OPEN },
  { "door-open", BAKEN_PRINT_STATE_COVER_OPEN },
  { "offline", BAKEN_PRINT_STATE_OFFLINE },
  { "shutdown", BAKEN_PRINT_STATE_OFFLINE },
  { "paused", BAKEN_PRINT_STATE_STOPPED },
  { "moving-to-paused", BAKEN_PRINT_STATE_STOPPED },
};

static void
baken_printer_default_init (BakenPrinterInterface *iface)
{
}

const char *
baken_print_state_to_string (BakenPrintState state)
{
  switch (state)
    {
    case BAKEN_PRINT_STATE_OK: return "ok";
    case BAKEN_PRINT_STATE_NO_PRINTER: return "no-printer";
    case BAKEN_PRINT_STATE_CUPSD_DOWN: return "cupsd-down";
    case BAKEN_PRINT_STATE_STOPPED: return "stopped";
    case BAKEN_PRINT_STATE_MEDIA_EMPTY: return "media-empty";
    case BAKEN_PRINT_STATE_MEDIA_JAM: return "media-jam";
    case BAKEN_PRINT_STATE_OFFLINE: return "offline";
    case BAKEN_PRINT_STATE_COVER_OPEN: return "cover-open";
    case BAKEN_PRINT_STATE_TIMED_OUT: return "timed-out";
    case BAKEN_PRINT_STATE_FAILED: return "failed";
    default: g_return_val_if_reached ("failed");
    }
}

const char *
baken_print_state_get_message (BakenPrintState state)
{
  switch (state)
    {
    case BAKEN_PRINT_STATE_OK:
      return NULL;
    case BAKEN_PRINT_STATE_NO_PRINTER:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("Deze kiosk heeft geen printer.");
    case BAKEN_PRINT_STATE_CUPSD_DOWN:
      /* Translators: shown to a resident who pressed Print: the print service on the
       * kiosk does not answer; one plain sentence */
      return _("De printer doet het nu niet.");
    case BAKEN_PRINT_STATE_STOPPED:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("De printer is gestopt.");
    case BAKEN_PRINT_STATE_MEDIA_EMPTY:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("Het papier van de printer is op.");
    case BAKEN_PRINT_STATE_MEDIA_JAM:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("Het papier zit vast in de printer.");
    case BAKEN_PRINT_STATE_OFFLINE:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("De printer staat uit of is niet aangesloten.");
    case BAKEN_PRINT_STATE_COVER_OPEN:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("De klep van de printer staat open.");
    case BAKEN_PRINT_STATE_TIMED_OUT:
      /* Translators: shown to a resident who pressed Print: the slip did not come out
       * in time and was cancelled, so it will not print later; one plain sentence */
      return _("Het printen duurde te lang en is gestopt.");
    case BAKEN_PRINT_STATE_FAILED:
    default:
      /* Translators: shown to a resident who pressed Print; one plain sentence */
      return _("Het printen is niet gelukt.");
    }
}

BakenPrintState
baken_print_state_from_error (const GError *error)
{
  if (error == NULL)
    return BAKEN_PRINT_STATE_OK;
  if (error->domain == BAKEN_PRINT_ERROR &&
      error->code > BAKEN_PRINT_STATE_OK && error->code <= BAKEN_PRINT_STATE_FAILED)
    return error->code;

  return BAKEN_PRINT_STATE_FAILED;
}

BakenPrintState
baken_print_state_from_reason (const char *reason)
{
  static const char * const suffixes[] = { "-error", "-warning", "-report" };
  size_t len;

  g_return_val_if_fail (reason != NULL, BAKEN_PRINT_STATE_OK);

  len = strlen (reason);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (reason, suffixes[i]))
      {
        len -= strlen (suffixes[i]);
        break;
      }

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (strlen (reasons[i].reason) == len && strncmp (reason, reasons[i].reason, len) == 0)
      return reasons[i].state;

  return BAKEN_PRINT_STATE_OK;
}

BakenPrintState
baken_print_state_from_reasons (const char * const *list)
{
  guint best = G_N_ELEMENTS (reasons);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      BakenPrintState state = baken_print_state_from_reason (list[i]);

      if (state == BAKEN_PRINT_STATE_OK)
        continue;
      for (guint j = 0; j < best; j++)
        if (reasons[j].state == state)
          {
            best = j;
            break;
          }
    }

  return best < G_N_ELEMENTS (reasons) ? reasons[best].state : BAKEN_PRINT_STATE_OK;
}

void
baken_printer_check_async (BakenPrinter        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (BAKEN_IS_PRINTER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  BAKEN_PRINTER_GET_IFACE (self)->check_async (self, cancellable, callback, user_data);
}

gboolean
baken_printer_check_finish (BakenPrinter  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (BAKEN_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return BAKEN_PRINTER_GET_IFACE (self)->check_finish (self, result, error);
}

GPtrArray *
baken_printer_check_get_markers (BakenPrinter *self,
                                 GAsyncResult *result)
{
  BakenPrinterInterface *iface;

  g_return_val_if_fail (BAKEN_IS_PRINTER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  iface = BAKEN_PRINTER_GET_IFACE (self);
  if (iface->check_markers == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) baken_printer_marker_free);

  return iface->check_markers (self, result);
}

void
baken_printer_submit_async (BakenPrinter        *self,
                            GBytes              *pdf,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (BAKEN_IS_PRINTER (self));
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  BAKEN_PRINTER_GET_IFACE (self)->submit_async (self, pdf, cancellable, callback, user_data);
}

gboolean
baken_printer_submit_finish (BakenPrinter  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (BAKEN_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return BAKEN_PRINTER_GET_IFACE (self)->submit_finish (self, result, error);
}
