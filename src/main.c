/* main.c: the baken executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "baken-application.h"
#include "baken-memory.h"
#include "baken-notify.h"
#include "baken-pin.h"

static gboolean
has_argument (int         argc,
              char       *argv[],
              const char *argument)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], argument) == 0)
        return TRUE;
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
    }

  return FALSE;
}

/* baken --hash-pin: reads a PIN from stdin (without echo on a terminal) and prints the
 * kiosk.conf line with its argon2id hash. The PIN is never written anywhere. */
static int
hash_pin (void)
{
  struct termios saved, quiet;
  gboolean tty = isatty (STDIN_FILENO);
  char line[64] = { 0 };
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  gboolean read_ok;

  if (tty)
    {
      fputs ("PIN (4 to 12 digits): ", stderr);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  read_ok = fgets (line, sizeof line, stdin) != NULL;
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }
  line[strcspn (line, "\r\n")] = '\0';

  if (read_ok)
    hash = baken_pin_hash (line, &error);
  memset (line, 0, sizeof line);
  if (!read_ok)
    {
      fputs ("baken --hash-pin: no PIN on standard input; "
             "try: baken --hash-pin, then type the PIN\n", stderr);
      return 1;
    }
  if (hash == NULL)
    {
      fprintf (stderr, "baken --hash-pin: %s\n", error->message);
      return 1;
    }
  printf ("# Under [staff] in kiosk.conf:\npin-hash = %s\n", hash);
  return 0;
}

static void
disable_gl (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *value = NULL;

  if (debug == NULL || debug[0] == '\0')
    value = g_strdup ("gl-disable");
  else if (strstr (debug, "gl-disable") == NULL)
    value = g_strconcat (debug, ",gl-disable", NULL);

  if (value != NULL)
    g_setenv ("GDK_DEBUG", value, TRUE);
}

static void
setup_gettext (void)
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE (our run-time language switch) when LC_MESSAGES is "C".
   * C.UTF-8 behaves the same otherwise and lets LANGUAGE work. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Every resident starts in Dutch, whatever the session's language. This must be set
   * before GTK starts: GLib's g_dgettext() (GtkBuilder templates) decides on its first
   * call whether to translate at all, from the catalogue of the language in effect
   * then (po/nl.po exists for that reason). The window switches LANGUAGE later. */
  g_setenv ("LANGUAGE", "nl", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* First, so the first-frame figure counts everything after the program started. */
  gint64 start_time_us = g_get_monotonic_time ();
  g_autoptr(BakenApplication) application = NULL;

  /* A tool for IT, no display: before GTK or the application start. */
  if (has_argument (argc, argv, "--hash-pin"))
    return hash_pin ();

  /* Before any thread starts: the heap must not grow by an arena per worker. */
  baken_memory_limit_arenas ();

  /* Before anything can start a child that would inherit them (baken-notify.h). */
  baken_notify_take_environment ();

  /* Kiosk boxes have no GPU: GL would run in software (llvmpipe), which takes 2–4×
   * longer to the first frame and uses more memory than GTK's cairo renderer. An
   * explicit GSK_RENDERER still wins. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);

  /* With cairo nothing is drawn with GL, but GDK still loads and probes EGL and GLX
   * (Mesa, LLVM) when it opens the display, to pick a visual: about 100 ms of CPU and
   * 10 MB before the first frame, for nothing. Baken has no GL widgets. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    disable_gl ();

  /* The GTK inspector must be unreachable on a kiosk: GTK_DEBUG=interactive would open
   * it at start-up. (The window also refuses the inspector's key bindings.) */
  if (has_argument (argc, argv, "--kiosk") || has_argument (argc, argv, "-k"))
    g_unsetenv ("GTK_DEBUG");

  setup_gettext ();

  application = baken_application_new (start_time_us);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
