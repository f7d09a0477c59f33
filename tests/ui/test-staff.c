/* test-staff.c: staff mode, as a desk clerk and as the next resident meet it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window with a state DB of its own and a fixed clock: holding the kiosk's
 * name opens the PIN pad (a short tap does not); five wrong PINs, typed on a real
 * keyboard (XTEST), lock entry, also after a restart, until five minutes have passed;
 * the right PIN shows the backoffice numbers, which are gone after "Klaar" and after
 * the idle reset. A warm handover prints through a private cupsd, and the clerk's note
 * is found on the slip and nowhere else. The status screen names a printer without
 * paper and the print log.
 */
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "../print/cups-fixture.h"
#include "test-util.h"

#include "baken-app-link.h"
#include "baken-desk-hint.h"
#include "baken-handover-page.h"
#include "baken-keyboard.h"
#include "baken-search-page.h"
#include "baken-pin.h"
#include "baken-pin-pad.h"
#include "baken-print-page.h"
#include "baken-printer-choice.h"
#include "baken-speaker.h"
#include "baken-state.h"
#include "baken-status-page.h"

#define PIN        "2468"
#define WRONG_PIN  "1357"
/* A backoffice line of the demo (phones.csv, audience staff): the debt help's. */
#define SERVICE    "svc-schuldhulp"
#define STAFF_NUMBER "030 555 09 23"
/* A note no other text of the demo contains, to look for after printing. */
#define NOTE       "Afspraak di 14:00 vraag naar Petra qzx7"
#define NOTE_MARK  "qzx7"

static char *pin_hash;

typedef struct
{
  char         *state_path;
  BakenState   *state;
  BakenContext *context;
  BakenWindow  *window;
} Kiosk;

static BakenConfig *
staff_config (const char *extra)
{
  g_autofree char *text = g_strdup_printf ("[kiosk]\nname = Bibliotheek Voorbeeldstad\n"
                                           "[staff]\npin-hash = %s\nidle-timeout = 30\n%s",
                                           pin_hash, extra != NULL ? extra : "");

  return ui_test_config_new (text);
}

/* A kiosk on its own state DB (kept across "restarts" of the window) and a clock that
 * stands still at Monday 7 December 2026, 10:00. */
static void
kiosk_open (Kiosk      *k,
            const char *extra_config,
            double      idle_scale)
{
  g_autoptr(BakenConfig) config = staff_config (extra_config);
  g_autoptr(GError) error = NULL;

  if (k->state_path == NULL)
    {
      g_mkdir_with_parents (g_get_user_state_dir (), 0700);
      k->state_path = g_build_filename (g_get_user_state_dir (), "state.sqlite", NULL);
    }
  k->state = baken_state_open (k->state_path, &error);
  g_assert_no_error (error);
  k->context = baken_context_load (config, &error);
  g_assert_no_error (error);
  if (k->context != NULL)
    {
      g_autoptr(GDateTime) monday = g_date_time_new (baken_local_timezone (), 2026, 12, 7,
                                                     10, 0, 0);

      baken_clock_set_fixed (baken_context_get_clock (k->context), monday);
    }
  baken_context_set_state (k->context, k->state);
  k->window = ui_test_window_new_for_context (k->context, idle_scale, 1080, 1920);
}

static void
kiosk_close (Kiosk *k)
{
  ui_test_window_destroy (k->window);
  k->window = NULL;
  g_clear_object (&k->context);
  g_clear_object (&k->state);
}

static BakenStaffSession *
staff (Kiosk *k)
{
  return baken_context_get_staff (k->context);
}

static GtkWidget *
pad (Kiosk *k)
{
  return ui_test_find_widget (GTK_WIDGET (k->window), BAKEN_TYPE_PIN_PAD);
}

static gboolean
shows_text_containing (Kiosk      *k,
                       const char *part)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (k->window));

  for (guint i = 0; i < labels->len; i++)
    if (strstr (g_ptr_array_index (labels, i), part) != NULL)
      return TRUE;
  return FALSE;
}

typedef struct
{
  Kiosk      *k;
  const char *part;
} Shows;

static gboolean
shows_cb (gpointer data)
{
  Shows *shows = data;

  return shows_text_containing (shows->k, shows->part);
}

static void
wait_shows (Kiosk      *k,
            const char *part)
{
  Shows shows = { k, part };

  if (!ui_test_wait (shows_cb, &shows, 10000))
    g_error ("“%s” is not on the screen", part);
}

static gboolean
staff_active_cb (gpointer data)
{
  return baken_staff_session_get_active (staff (data));
}

/* Types a PIN on the real keyboard and presses Enter, then waits for the answer. */
static void
type_pin (Kiosk      *k,
          const char *digits)
{
  char key[2] = { 0, 0 };

  for (const char *d = digits; *d != '\0'; d++)
    {
      key[0] = *d;
      ui_test_send_keys (k->window, key, NULL);
    }
  ui_test_send_keys (k->window, "Return", NULL);
}

/* The texts of the service page in a flat string, for looking for numbers. */
static gboolean
service_shows_number (Kiosk *k)
{
  return shows_text_containing (k, STAFF_NUMBER);
}

static void
said_cb (BakenSpeaker *speaker,
         GParamSpec   *pspec,
         GPtrArray    *said)
{
  if (baken_speaker_get_text (speaker) != NULL)
    g_ptr_array_add (said, g_strdup (baken_speaker_get_text (speaker)));
}

static gboolean
reads_aloud (Kiosk *k)
{
  GtkWidget *toggle = ui_test_find_action_button (GTK_WIDGET (k->window),
                                                  "a11y.read-aloud");

  g_assert_nonnull (toggle);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

/* A resident left speech mode on: the PIN a clerk then types is not said aloud, key by
 * key, to whoever stands by; the pad's keys act on one touch. */
static void
test_pin_unsaid (void)
{
  Kiosk k = { 0, };
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  guint from;

  kiosk_open (&k, NULL, 1.0);
  g_signal_connect (baken_window_get_speaker (k.window), "notify::text",
                    G_CALLBACK (said_cb), said);
  ui_test_send_keys (k.window, "KP_Add", NULL);
  ui_test_settle (k.window);
  g_assert_true (reads_aloud (&k));
  g_assert_cmpuint (said->len, >, 0);

  names = ui_test_find_by_css_class (GTK_WIDGET (k.window), "kiosk-name");
  ui_test_hold (k.window, g_ptr_array_index (names, 0), 3400);
  g_assert_nonnull (pad (&k));
  ui_test_settle (k.window);
  g_assert_false (reads_aloud (&k));

  from = said->len;
  ui_test_send_keys (k.window, "Tab", "Tab", "Tab", NULL);
  ui_test_settle (k.window);
  keys = ui_test_find_by_css_class (pad (&k), "pin-key");
  g_assert_cmpuint (keys->len, >=, 10);
  ui_test_hold (k.window, g_ptr_array_index (keys, 4), 50);
  ui_test_settle (k.window);
  wait_shows (&k, "•");
  for (guint i = from; i < said->len; i++)
    g_error ("said with the PIN pad open: “%s”", (char *) g_ptr_array_index (said, i));

  g_signal_handlers_disconnect_by_data (baken_window_get_speaker (k.window), said);
  kiosk_close (&k);
}

/* Holding the name opens the pad; five wrong PINs lock it, also after a restart; five
 * minutes later the right PIN opens staff mode, which "Klaar" and the idle reset end. */
static void
test_pin_lock (void)
{
  Kiosk k = { 0, };
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GtkWidget *name;
  guint failures;
  gint64 until;

  kiosk_open (&k, NULL, 1.0);
  g_assert_true (baken_staff_session_get_available (staff (&k)));

  /* A resident's tap on the name does nothing; three seconds of holding it do. */
  names = ui_test_find_by_css_class (GTK_WIDGET (k.window), "kiosk-name");
  g_assert_cmpuint (names->len, ==, 1);
  name = g_ptr_array_index (names, 0);
  ui_test_hold (k.window, name, 300);
  g_assert_null (pad (&k));
  ui_test_hold (k.window, name, 3400);
  g_assert_nonnull (pad (&k));
  wait_shows (&k, "Medewerkers: typ uw PIN");

  for (guint i = 1; i <= BAKEN_STAFF_MAX_TRIES; i++)
    {
      type_pin (&k, WRONG_PIN);
      if (i < BAKEN_STAFF_MAX_TRIES)
        {
          g_autofree char *left = g_strdup_printf ("nog %u keer", BAKEN_STAFF_MAX_TRIES - i);

          wait_shows (&k, left);
        }
    }
  wait_shows (&k, "Te vaak een verkeerde PIN. Probeer het om 10:05 opnieuw.");
  g_assert_false (baken_staff_session_get_active (staff (&k)));
  /* The right PIN does not help while locked. */
  type_pin (&k, PIN);
  ui_test_run (baken_test_scale_ms (500));
  g_assert_false (baken_staff_session_get_active (staff (&k)));

  /* Kept in the state DB: wrong tries and the end of the lock, never a PIN. */
  g_assert_true (baken_state_get_staff_lock (k.state, &failures, &until, NULL));
  g_assert_cmpuint (failures, ==, BAKEN_STAFF_MAX_TRIES);
  g_assert_cmpint (until, >, 0);

  /* A restart does not open the door. */
  kiosk_close (&k);
  kiosk_open (&k, NULL, 1.0);
  ui_test_activate (k.window, "kiosk.staff-enter", NULL);
  wait_shows (&k, "Te vaak een verkeerde PIN");
  type_pin (&k, PIN);
  ui_test_run (baken_test_scale_ms (500));
  g_assert_false (baken_staff_session_get_active (staff (&k)));
  ui_test_activate (k.window, "kiosk.home", NULL);
  kiosk_close (&k);

  /* Five minutes later, the right PIN. */
  kiosk_open (&k, NULL, 1.0);
  later = g_date_time_new (baken_local_timezone (), 2026, 12, 7, 10, 5, 30);
  baken_clock_set_fixed (baken_context_get_clock (k.context), later);
  ui_test_activate_to (k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  g_assert_false (service_shows_number (&k));
  ui_test_activate (k.window, "kiosk.staff-enter", NULL);
  g_assert_nonnull (pad (&k));
  type_pin (&k, PIN);
  g_assert_true (ui_test_wait (staff_active_cb, &k, 10000));
  g_assert_null (pad (&k));

  /* The same page, now with the backoffice number, marked. */
  wait_shows (&k, "Medewerkersmodus");
  wait_shows (&k, STAFF_NUMBER);
  wait_shows (&k, "Alleen voor medewerkers");

  /* "Klaar": back to Home as a resident; the number is gone from the page. */
  ui_test_activate (k.window, "kiosk.staff-done", NULL);
  ui_test_assert_location (k.window, "home", 2000);
  g_assert_false (baken_staff_session_get_active (staff (&k)));
  g_assert_false (shows_text_containing (&k, "Medewerkersmodus"));
  ui_test_activate_to (k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  g_assert_false (service_shows_number (&k));
  kiosk_close (&k);
}

static gboolean
at_home_as_resident (gpointer data)
{
  Kiosk *k = data;
  g_autofree char *location = baken_window_dup_location (k->window);

  return g_str_equal (location, "home") && !baken_staff_session_get_active (staff (k));
}

/* Staff mode never outlives the idle reset: its own, shorter timeout. */
static void
test_idle_ends_staff (void)
{
  Kiosk k = { 0, };

  /* [staff] idle-timeout = 30 s, scaled to 3 s; residents have 90 s (9 s). Both grow
   * with BAKEN_TEST_TIME_SCALE: on a loaded machine, staff mode must not end before
   * the service page that shows the staff number is on screen. */
  kiosk_open (&k, NULL, baken_test_scale_seconds (0.1));
  baken_staff_session_start_unlocked (staff (&k));
  ui_test_activate_to (k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  wait_shows (&k, STAFF_NUMBER);

  g_assert_true (ui_test_wait (at_home_as_resident, &k, 20000));
  g_assert_false (shows_text_containing (&k, "Medewerkersmodus"));
  ui_test_activate_to (k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  g_assert_false (service_shows_number (&k));
  /* And the staff screens are closed to --open. */
  g_assert_false (baken_window_open (k.window, "status", NULL));
  g_assert_false (baken_window_open (k.window, "handover:" SERVICE, NULL));
  kiosk_close (&k);
}

/* The desk: Ctrl+P prints the slip of the service on screen (the accelerator that
 * `baken --desk` sets), and typing goes to the search. */
static void
test_desk_keys (void)
{
  Kiosk k = { 0, };

  kiosk_open (&k, NULL, 1.0);
  baken_app_link_desk_keys (GTK_WINDOW (k.window));
  baken_staff_session_start_unlocked (staff (&k));
  ui_test_activate_to (k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  ui_test_send_keys (k.window, "ctrl+p", NULL);
  ui_test_assert_location (k.window, "print:" SERVICE, 3000);
  /* Nowhere else: on Home, Ctrl+P does nothing. */
  ui_test_activate (k.window, "kiosk.home", NULL);
  ui_test_send_keys (k.window, "ctrl+p", NULL);
  ui_test_assert_location (k.window, "home", 1000);
  kiosk_close (&k);
}

/* At the desk the clerk is the person to ask: no "Vraag het aan de medewerker bij de
 * balie" under the screens, nor above the suggestions of a search that found nothing,
 * nor on the screen of a slip that cannot print; a kiosk keeps all three. */
static void
test_desk_no_ask_staff (void)
{
  const char *ask = "Vraag het aan de medewerker bij de balie";
  Kiosk k = { 0, };
  GPtrArray *hints;

  for (guint desk = 0; desk < 2; desk++)
    {
      g_autoptr(BakenConfig) config = staff_config (NULL);
      g_autoptr(GError) error = NULL;

      k.context = baken_context_load (config, &error);
      g_assert_no_error (error);
      baken_context_set_desk (k.context, desk);
      k.window = ui_test_window_new_for_context (k.context, 1.0, 1080, 1920);
      g_assert_true (ui_test_has_label (GTK_WIDGET (k.window), ask) == !desk);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (k.window), "kiosk.search", NULL));
      ui_test_settle (k.window);
      baken_keyboard_set_text (BAKEN_KEYBOARD (ui_test_find_widget (GTK_WIDGET (k.window),
                                                                    BAKEN_TYPE_KEYBOARD)),
                               "qqxqzzq");
      wait_shows (&k, "Daar vonden we niets voor.");
      ui_test_settle (k.window);
      hints = ui_test_find_all (ui_test_find_widget (GTK_WIDGET (k.window),
                                                     BAKEN_TYPE_SEARCH_PAGE),
                                BAKEN_TYPE_DESK_HINT);
      g_assert_cmpuint (hints->len, ==, (desk ? 0 : 1));
      g_clear_pointer (&hints, g_ptr_array_unref);

      /* A slip that cannot print: no print service answers on this port. */
      g_setenv ("CUPS_SERVER", "127.0.0.1:9", TRUE);
      ui_test_activate_to (k.window, "kiosk.open-print", SERVICE, "print:" SERVICE);
      ui_test_wait_print_state (k.window, "failed", 10000);
      g_assert_true (ui_test_has_label (ui_test_print_page (k.window),
                                        "Vraag het aan de medewerker bij de balie.") == !desk);
      g_unsetenv ("CUPS_SERVER");
      ui_test_window_destroy (k.window);
      g_clear_object (&k.context);
    }
}

/* `baken --desk` never opens without a PIN unless kiosk.conf says this desk has none. */
static void
test_desk_needs_pin (void)
{
  g_autofree char *dir = g_dir_make_tmp ("baken-desk-XXXXXX", NULL);
  g_autofree char *conf = g_build_filename (dir, "kiosk.conf", NULL);
  g_autoptr(GSubprocess) baken = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (conf, "[kiosk]\nname = Balie\n", -1, NULL));
  baken = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error, "timeout", "30", BAKEN_EXE, "--desk", "--config", conf,
                            NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (baken, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (baken));
  g_assert_cmpint (g_subprocess_get_exit_status (baken), ==, 1);
  g_assert_nonnull (strstr (err, "no [staff] pin-hash"));
  g_assert_nonnull (strstr (err, "baken --hash-pin"));
  g_unlink (conf);
  g_rmdir (dir);
}

/* ---- through a private cupsd ------------------------------------------------------------ */

typedef struct
{
  CupsFixture cups;
  Kiosk       k;
  GHashTable *tmp_before;  /* the names in the temporary folder before the test */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDir) tmp = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  /* Only what appears in /tmp during the test is searched for the note (the machine's
   * other files are not ours to read). */
  f->tmp_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (tmp != NULL && (name = g_dir_read_name (tmp)) != NULL)
    g_hash_table_add (f->tmp_before, g_strdup (name));
  cups_fixture_setup (&f->cups);
  g_setenv ("CUPS_SERVER", f->cups.server, TRUE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->k.window != NULL)
    kiosk_close (&f->k);
  g_free (f->k.state_path);
  g_clear_pointer (&f->tmp_before, g_hash_table_unref);
  cups_fixture_teardown (&f->cups);
  g_unsetenv ("CUPS_SERVER");
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  return memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Every regular file under dir that holds needle, appended to found; names in skip
 * (nullable) are left out at the top. */
static void
find_in_tree (const char *dir,
              const char *needle,
              GHashTable *skip,
              GPtrArray  *found)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (skip != NULL && g_hash_table_contains (skip, name))
        continue;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_in_tree (path, needle, NULL, found);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && file_contains (path, needle))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

/* Without white space: a receipt wraps its lines where it likes. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
print_done (gpointer data)
{
  GtkWidget *page = ui_test_find_widget (data, BAKEN_TYPE_PRINT_PAGE);

  return page != NULL && g_str_equal (baken_print_page_get_state (BAKEN_PRINT_PAGE (page)), "done");
}

/* "Doorverwijzen": the note typed on a real keyboard is on the printed slip with the
 * desk and the date, and afterwards nowhere: not in the state folder, the cache, /tmp,
 * cupsd's folder (spool, job attributes) or a job name. */
static void
test_handover (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDir) out = NULL;
  g_auto(GStrv) titles = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  GtkWidget *page;
  const char *entry;
  BakenPrintLogEntry *last;

  kiosk_open (&f->k, "[print]\nprinter = slips\n", 1.0);
  baken_staff_session_start_unlocked (staff (&f->k));
  ui_test_activate_to (f->k.window, "kiosk.open-service", SERVICE, "service:" SERVICE);
  ui_test_activate_to (f->k.window, "kiosk.open-handover", SERVICE, "handover:" SERVICE);

  /* The number to call now and what they need to know. */
  wait_shows (&f->k, STAFF_NUMBER);
  wait_shows (&f->k, "Bel de backoffice en vraag om een intakegesprek.");

  /* The clerk types the note on the desk's keyboard. */
  ui_test_send_keys (f->k.window, "shift+a", "f", "s", "p", "r", "a", "a", "k", "space", "d",
                     "i", "space", "1", "4", "colon", "0", "0", "space", "v", "r", "a", "a",
                     "g", "space", "n", "a", "a", "r", "space", "shift+p", "e", "t", "r", "a",
                     "space", "q", "z", "x", "7", NULL);
  page = ui_test_find_widget (GTK_WIDGET (f->k.window), BAKEN_TYPE_HANDOVER_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (baken_handover_page_get_note (BAKEN_HANDOVER_PAGE (page)), ==, NOTE);

  buttons = ui_test_find_all (GTK_WIDGET (f->k.window), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *label = gtk_button_get_child (g_ptr_array_index (buttons, i));

      if (GTK_IS_LABEL (label) &&
          g_str_equal (gtk_label_get_label (GTK_LABEL (label)), "Verwijzing printen"))
        g_assert_true (gtk_widget_activate (g_ptr_array_index (buttons, i)));
    }
  ui_test_assert_location (f->k.window, "handover-print:" SERVICE, 2000);
  ui_test_wait_preview (f->k.window);
  ui_test_press_print (f->k.window);
  g_assert_true (ui_test_wait (print_done, f->k.window, baken_test_scale_ms (15000)));

  /* On the slip: the note, the desk and the date; never the backoffice number. */
  out = g_dir_open (f->cups.out, 0, NULL);
  g_assert_nonnull (out);
  entry = g_dir_read_name (out);
  g_assert_nonnull (entry);
  pdf = g_build_filename (f->cups.out, entry, NULL);
  raw = cups_fixture_pdftotext (pdf);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "Afspraakdi14:00vraagnaarPetraqzx7"));
  g_assert_nonnull (strstr (text, "DoorverwezendoorBibliotheekVoorbeeldstadop7december2026"));
  g_assert_null (strstr (text, "0305550923"));
  g_unlink (pdf);

  /* The print log has the line, without the note. */
  log = baken_state_get_print_log (f->k.state, 5, NULL);
  g_assert_cmpuint (log->len, ==, 1);
  last = g_ptr_array_index (log, 0);
  g_assert_cmpstr (last->outcome, ==, "ok");
  g_assert_true (last->handover);

  /* Staff mode ends; then the note is nowhere. */
  ui_test_activate (f->k.window, "kiosk.staff-done", NULL);
  g_assert_null (baken_staff_session_get_note (staff (&f->k)));
  kiosk_close (&f->k);
  titles = cups_fixture_job_titles (&f->cups, "slips");
  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    {
      g_assert_null (strstr (titles[i], NOTE_MARK));
      g_assert_cmpstr (titles[i], ==, "Baken");
    }
  find_in_tree (g_get_user_state_dir (), NOTE_MARK, NULL, found);
  find_in_tree (g_get_user_cache_dir (), NOTE_MARK, NULL, found);
  find_in_tree (g_get_user_runtime_dir (), NOTE_MARK, NULL, found);
  find_in_tree (g_get_tmp_dir (), NOTE_MARK, f->tmp_before, found);
  find_in_tree (f->cups.dir, NOTE_MARK, NULL, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("the note is in %s", (char *) g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

/* Presses "Proefafdruk" on the status screen. */
static void
press_test_print (Kiosk *k)
{
  g_autoptr(GPtrArray) buttons = ui_test_find_all (GTK_WIDGET (k->window), GTK_TYPE_BUTTON);
  gboolean pressed = FALSE;

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *child = gtk_button_get_child (g_ptr_array_index (buttons, i));

      if (GTK_IS_LABEL (child) &&
          g_str_equal (gtk_label_get_label (GTK_LABEL (child)), "Proefafdruk"))
        pressed = gtk_widget_activate (g_ptr_array_index (buttons, i));
    }
  g_assert_true (pressed);
}

/* The status screen: the content, a failed sync with its reason, a printer without
 * paper, and the print log with the failed slip. */
static void
test_status (Fixture       *f,
                         gconstpointer  data)
{
  kiosk_open (&f->k, "[print]\nprinter = empty\n", 1.0);
  baken_staff_session_start_unlocked (staff (&f->k));
  baken_state_record_print (f->k.state, 1796634000, "receipt-80mm", "media-empty", FALSE,
                            NULL);
  /* The night's sync failed; the reason is for IT, the result for the clerk. */
  baken_state_record_sync (f->k.state, 1796609400, "https://content.example/manifest.json",
                           BAKEN_SYNC_RESULT_FAILED, 0,
                           "the server answered 503 Service Unavailable", NULL, NULL, NULL);
  ui_test_activate (f->k.window, "kiosk.open-status", NULL);
  ui_test_assert_location (f->k.window, "status", 2000);
  wait_shows (&f->k, "Status van de kiosk");
  wait_shows (&f->k, "Versie 1");
  wait_shows (&f->k, "niet gelukt: media-empty");
  wait_shows (&f->k, "Laatste poging: vandaag 03:10, mislukt");
  wait_shows (&f->k, "the server answered 503 Service Unavailable");
  /* The queue reports paper out only once a job reached it: print the test slip. */
  press_test_print (&f->k);
  wait_shows (&f->k, "(media-empty)");
  /* The queue's supplies, as its backend reported them with that job. */
  wait_shows (&f->k, "Toner: 8% (bijna op)");
  wait_shows (&f->k, "Papierrol: nog niet op");
  /* A kiosk's printer is its kiosk.conf's: no choice of queue. */
  g_assert_null (ui_test_find_widget (GTK_WIDGET (f->k.window), BAKEN_TYPE_PRINTER_CHOICE));
  kiosk_close (&f->k);
}

static gboolean
has_job_cb (gpointer data)
{
  return cups_fixture_count_files (data) > 0;
}

/* baken --desk: the clerk sees the print service's queues with the configured one
 * chosen, and a slip goes to the queue chosen instead. */
static void
test_desk_printer (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *choice;
  GtkDropDown *queues;
  GListModel *names;
  guint slips = GTK_INVALID_LIST_POSITION;

  kiosk_open (&f->k, "[print]\nprinter = empty\n", 1.0);
  baken_context_set_desk (f->k.context, TRUE);
  baken_staff_session_start_unlocked (staff (&f->k));
  ui_test_activate (f->k.window, "kiosk.open-status", NULL);
  ui_test_assert_location (f->k.window, "status", 2000);
  wait_shows (&f->k, "Briefjes gaan naar deze printer:");
  choice = ui_test_find_widget (GTK_WIDGET (f->k.window), BAKEN_TYPE_PRINTER_CHOICE);
  g_assert_nonnull (choice);
  queues = GTK_DROP_DOWN (ui_test_find_widget (choice, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (queues);
  names = gtk_drop_down_get_model (queues);
  g_assert_cmpuint (g_list_model_get_n_items (names), >=, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                               gtk_drop_down_get_selected (queues)), ==, "empty");
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "slips"))
      slips = i;
  g_assert_cmpuint (slips, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (queues, slips);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 0);
  press_test_print (&f->k);
  g_assert_true (ui_test_wait (has_job_cb, f->cups.out, 20000));
  kiosk_close (&f->k);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  ui_test_init (&argc, &argv);
  pin_hash = baken_pin_hash (PIN, &error);
  g_assert_no_error (error);

  g_test_add_func ("/staff/pin-lock", test_pin_lock);
  g_test_add_func ("/staff/pin-unsaid", test_pin_unsaid);
  g_test_add_func ("/staff/idle-ends-staff", test_idle_ends_staff);
  g_test_add_func ("/staff/desk-keys", test_desk_keys);
  g_test_add_func ("/staff/desk-needs-pin", test_desk_needs_pin);
  g_test_add_func ("/staff/desk-no-ask-staff", test_desk_no_ask_staff);
  g_test_add ("/staff/handover-no-trace", Fixture, NULL, fixture_setup, test_handover,
              fixture_teardown);
  g_test_add ("/staff/status", Fixture, NULL, fixture_setup,
              test_status, fixture_teardown);
  g_test_add ("/staff/desk-printer", Fixture, NULL, fixture_setup,
              test_desk_printer, fixture_teardown);

  return g_test_run ();
}
