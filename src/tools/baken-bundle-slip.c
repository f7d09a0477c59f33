/* baken-bundle-slip.c: baken-bundle slip — render a referral slip without a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-slip.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-slip.h"
#include "baken-slip-render.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

static int
usage (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static int
usage (const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "baken-bundle slip: %s\nTry 'baken-bundle slip --help'.\n", message);
  return EXIT_USAGE;
}

static int
problem (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static int
problem (const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "baken-bundle slip: %s\n", message);
  return EXIT_PROBLEMS;
}

/* The languages of the kiosk's screens (po/LINGUAS), so of its slips' headings. */
static const char * const slip_languages[] = { "nl", "en", "ar", "tr", "pl", "uk", NULL };

static gboolean
parse_paper (const char *text,
             BakenPaper *paper)
{
  if (g_strcmp0 (text, "receipt-80mm") == 0)
    *paper = BAKEN_PAPER_RECEIPT_80MM;
  else if (g_strcmp0 (text, "a4") == 0)
    *paper = BAKEN_PAPER_A4;
  else if (g_strcmp0 (text, "a5") == 0)
    *paper = BAKEN_PAPER_A5;
  else
    return FALSE;

  return TRUE;
}

/* The slip's own headings come from gettext in the slip's language, as on the kiosk. */
static void
setup_gettext (const char *lang)
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  const char *messages;

  g_setenv ("LANGUAGE", lang, TRUE);
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
baken_bundle_run_slip (int    argc,
                       char **argv)
{
  g_autofree char *content = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *output = NULL;
  double scale = 8;
  const GOptionEntry entries[] = {
    { "content", 0, 0, G_OPTION_ARG_FILENAME, &content, "The content DB (required)", "DB" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      "receipt-80mm (default), a4 or a5", "PAPER" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Language: nl (default), en, ar, tr, pl or uk", "LANG" },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id,
      "The life event the resident came through", "EVENT-ID" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path,
      "A kiosk.conf for the kiosk's name and place", "FILE" },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time_text,
      "Print time, ISO 8601 (default: now)", "TIME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the slip here: FILE.pdf, or FILE.png for the preview (required)", "FILE" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      "Pixels per millimetre of a PNG (default 8)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (BAKEN_BUNDLE_SLIP_PARAMETERS);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(BakenSlip) slip = NULL;
  BakenSlipPlace place;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *absolute = NULL;
  BakenPaper paper = BAKEN_PAPER_RECEIPT_80MM;
  gboolean ok;

  g_set_prgname ("baken-bundle slip");
  g_option_context_set_summary (context, BAKEN_BUNDLE_SLIP_SUMMARY);
  g_option_context_set_description (context, BAKEN_BUNDLE_SLIP_DESCRIPTION);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage ("%s", error->message);

  if (argc != 2)
    return usage (argc < 2 ? "SERVICE-ID is required" : "too many arguments; give SERVICE-ID only");
  if (content == NULL)
    return usage ("--content DB is required");
  if (output == NULL)
    return usage ("-o FILE is required");
  if (paper_text != NULL && !parse_paper (paper_text, &paper))
    return usage ("--paper \"%s\" is not receipt-80mm, a4 or a5", paper_text);
  if (lang == NULL)
    lang = g_strdup ("nl");
  if (!g_strv_contains (slip_languages, lang))
    return usage ("--lang \"%s\" is not one of nl, en, ar, tr, pl, uk", lang);
  if (!(scale >= 1 && scale <= 50))
    return usage ("--scale %g is not between 1 and 50", scale);
  if (time_text != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      if ((now = g_date_time_new_from_iso8601 (time_text, utc)) == NULL)
        return usage ("--time \"%s\" is not an ISO 8601 time such as 2025-03-01T10:00:00Z",
                      time_text);
    }
  else
    {
      now = g_date_time_new_now_utc ();
    }

  setup_gettext (lang);

  if (config_path != NULL)
    {
      if ((config = baken_config_load (config_path, &error)) == NULL)
        return problem ("%s", error->message);
    }
  else
    {
      config = baken_config_new ();
    }

  absolute = g_canonicalize_filename (content, NULL);
  if ((catalog = baken_catalog_new_for_path (absolute, &error)) == NULL)
    return problem ("cannot open %s: %s", content, error->message);

  service = baken_catalog_get_service (catalog, argv[1], lang, BAKEN_AUDIENCE_PUBLIC, &error);
  if (service == NULL)
    return problem ("%s: %s", argv[1], error->message);
  if (event_id != NULL &&
      (event = baken_catalog_get_life_event (catalog, event_id, lang, &error)) == NULL)
    return problem ("%s: %s", event_id, error->message);

  serial = baken_catalog_dup_meta (catalog, "serial");
  baken_config_get_slip_place (config, &place);
  slip = baken_slip_new (service, event, &place, now, serial, lang);
  if (event != NULL && event->icon != NULL)
    {
      g_autoptr(GBytes) icon = baken_catalog_get_icon (catalog, event->icon);

      baken_slip_set_icon (slip, icon);
    }

  if (g_str_has_suffix (output, ".png"))
    ok = baken_slip_render_png (slip, paper, scale, output, &error);
  else
    ok = baken_slip_render_pdf_file (slip, paper, output, &error);
  if (!ok)
    return problem ("%s", error->message);

  printf ("baken-bundle slip: wrote %s\n", output);
  return EXIT_OK;
}
