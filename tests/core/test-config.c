/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "baken-config.h"

/* echo 2468 | baken --hash-pin */
#define PIN_HASH "$argon2id$v=19$m=65536,t=2,p=1$mOPd45T7yW8OJJw3Mdbovw$e2aZNW1hc7icWa2fazBeBgFgTcoxEOSgPAoodxKZd4o"

static char *
write_config (const char *contents)
{
  g_autoptr(GError) error = NULL;
  /* The config dir is private to each test (G_TEST_OPTION_ISOLATE_DIRS). */
  char *path = g_build_filename (g_get_user_config_dir (), "kiosk.conf", NULL);

  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_defaults (void)
{
  g_autoptr(BakenConfig) config = baken_config_new ();

  g_assert_cmpuint (config->idle_timeout, ==, 90);
  g_assert_cmpuint (config->idle_countdown, ==, 20);
  g_assert_cmpstr (config->languages[0], ==, "nl");
  g_assert_null (config->content_path);
  g_assert_false (config->has_location);
  g_assert_cmpint (config->paper, ==, BAKEN_PAPER_RECEIPT_80MM);
  g_assert_cmpuint (config->print_timeout, ==, 30);
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_HELP], ((const char * const[]) { "KP_Add", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_DOWN],
                    ((const char * const[]) { "KP_2", "KP_Down", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_VOLUME_UP],
                    ((const char * const[]) { "KP_9", "KP_Prior", "XF86AudioRaiseVolume", NULL }));
  g_assert_cmpuint (config->speech_volume, ==, 50);
  g_assert_cmpuint (config->speech_time_factor, ==, 3);
  g_assert_cmpuint (config->invite_every, ==, 0);
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_STOP],
                    ((const char * const[]) { "KP_Decimal", "KP_Delete", NULL }));
}

/* A key given to one command leaves the default of another; the others keep theirs. */
static void
test_keypad (void)
{
  g_autofree char *path = write_config ("[keypad]\nhelp = F1 ; KP_0\nback=Escape\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = baken_config_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_HELP], ((const char * const[]) { "F1", "KP_0", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_BACK], ((const char * const[]) { "Escape", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_REPEAT],
                    ((const char * const[]) { "KP_Insert", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_UP], ((const char * const[]) { "KP_8", "KP_Up", NULL }));
  g_assert_cmpstr (baken_keypad_command_get_key (BAKEN_KEYPAD_REPEAT), ==, "repeat");
  g_assert_cmpstr (baken_keypad_command_get_key (BAKEN_KEYPAD_VOLUME_DOWN), ==, "volume-down");
}

static void
test_speech (void)
{
  g_autofree char *path = write_config ("[speech]\nvolume = 35\n\n[keypad]\nvolume-up = F9\n"
                                        "speech-time-factor = 2\ninvite-every = 5m\n"
                                        "double-strike-ms = 500\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = baken_config_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (config->speech_volume, ==, 35);
  g_assert_cmpuint (config->speech_time_factor, ==, 2);
  g_assert_cmpuint (config->invite_every, ==, 300);
  g_assert_cmpuint (config->double_strike_ms, ==, 500);
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_VOLUME_UP], ((const char * const[]) { "F9", NULL }));
  g_assert_cmpstrv (config->keypad[BAKEN_KEYPAD_VOLUME_DOWN],
                    ((const char * const[]) { "KP_3", "KP_Next", "XF86AudioLowerVolume", NULL }));
}

static void
test_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autofree char *path = write_config (
    "# A kiosk in the library\n"
    "[kiosk]\n"
    "name = Bibliotheek Voorbeeldstad\n"
    "latitude = 52.0907\n"
    "longitude = 5.1214\n"
    "languages = nl;en;ar\n"
    "\n"
    "[content]\n"
    "path = /var/lib/baken/current/content.sqlite\n"
    "[idle]\n"
    "timeout = 120\n"
    "countdown = 30\n"
    "[hours]\n"
    "good-friday = true\n"
    "liberation-day = every-five-years\n"
    "[print]\n"
    "printer = bon\n"
    "paper = a4\n"
    "timeout = 12\n"
    "[staff]\n"
    "pin-hash = " PIN_HASH "\n"
    "idle-timeout = 45\n"
    "desk-pin = false\n");

  config = baken_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->name, ==, "Bibliotheek Voorbeeldstad");
  g_assert_true (config->has_location);
  g_assert_cmpfloat_with_epsilon (config->latitude, 52.0907, 1e-9);
  g_assert_cmpfloat_with_epsilon (config->longitude, 5.1214, 1e-9);
  g_assert_cmpuint (g_strv_length (config->languages), ==, 3);
  g_assert_cmpstr (config->languages[2], ==, "ar");
  g_assert_cmpstr (config->content_path, ==, "/var/lib/baken/current/content.sqlite");
  g_assert_cmpuint (config->idle_timeout, ==, 120);
  g_assert_cmpuint (config->idle_countdown, ==, 30);
  g_assert_cmpint (config->holidays, ==,
                   BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY | BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM);
  g_assert_cmpstr (config->printer, ==, "bon");
  g_assert_cmpint (config->paper, ==, BAKEN_PAPER_A4);
  g_assert_cmpuint (config->print_timeout, ==, 12);
  g_assert_cmpstr (config->staff_pin_hash, ==, PIN_HASH);
  g_assert_cmpuint (config->staff_idle_timeout, ==, 45);
  g_assert_false (config->staff_desk_pin);
}

/* A minisign public key (minisign -G -W). */
#define TEST_KEY "RWRaTvKOAxfzJKBEGJMjnDeRZ2LFpvcFpYmKg0rI+l0pgD+BVg1xDWd3"

typedef struct
{
  const char *name;
  const char *contents;
  int         code;
  const char *message;  /* the error message must contain this */
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-key", "[kiosk]\nname=x\n\n[idle]\ntimeot=30\n",
    BAKEN_CONFIG_ERROR_UNKNOWN_KEY, "kiosk.conf:5: unknown key \"timeot\" in [idle]; the keys of [idle] are: timeout, countdown" },
  { "unknown-group", "[kiosk]\nname=x\n[printer]\npaper=a4\n",
    BAKEN_CONFIG_ERROR_UNKNOWN_KEY, "kiosk.conf:3: unknown group [printer]" },
  { "timeout-not-a-number", "[idle]\ntimeout=ninety\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [idle] timeout = \"ninety\" is not a number of seconds" },
  { "timeout-too-short", "[idle]\n\ntimeout = 5\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [idle] timeout = 5 is too short" },
  { "countdown-too-long", "[idle]\ncountdown=600\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [idle] countdown = 600 is out of range" },
  { "latitude-out-of-range", "[kiosk]\nlatitude=152\nlongitude=5\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [kiosk] latitude = \"152\" is not valid" },
  { "latitude-alone", "[kiosk]\nlatitude=52\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [kiosk] needs both latitude and longitude" },
  { "languages-not-dutch-first", "[kiosk]\nlanguages=en;nl\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [kiosk] languages must start with nl" },
  { "languages-unknown", "[kiosk]\nlanguages=nl;xx\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "\"xx\" is not a language this kiosk offers" },
  { "paper", "[print]\npaper=letter\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [print] paper = \"letter\" is not a paper" },
  { "print-timeout-too-long", "[print]\ntimeout=3600\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [print] timeout = \"3600\" is not a number of seconds from 5 to 300" },
  { "print-timeout-not-a-number", "[print]\n\ntimeout = 30s\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [print] timeout = \"30s\" is not a number" },
  { "staff-pin-hash-plain", "[staff]\n\npin-hash = 1234\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [staff] pin-hash: not an argon2id hash" },
  { "staff-pin-hash-argon2i", "[staff]\npin-hash = $argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [staff] pin-hash: not an argon2id hash" },
  { "staff-idle-timeout", "[staff]\nidle-timeout = 5\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [staff] idle-timeout = \"5\" is not a number of seconds from 20 to 3600" },
  { "staff-desk-pin", "[staff]\ndesk-pin = maybe\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [staff] desk-pin" },
  { "liberation-rule", "[hours]\nliberation-day=sometimes\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [hours] liberation-day = \"sometimes\" is not a rule; give never, every-year or every-five-years" },
  { "boolean", "[hours]\ngood-friday=yes please\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [hours] good-friday = \"yes please\" is not true or false" },
  { "relative-content-path", "[content]\npath=content.sqlite\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "must be an absolute path" },
  { "not-a-keyfile", "this is not a config file\n",
    BAKEN_CONFIG_ERROR_READ, "kiosk.conf: " },
  { "not-utf8", "[kiosk]\nname=\xff\xfe\n",
    BAKEN_CONFIG_ERROR_READ, "not UTF-8" },
  { "sync-url-plain-http", "[sync]\nurl=http://example.org/manifest.json\npublic-keys=" TEST_KEY "\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] url = \"http://example.org/manifest.json\": plain http to another computer is not allowed" },
  { "sync-url-file", "[sync]\nurl=file:///media/usb/manifest.json\npublic-keys=" TEST_KEY "\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] url = \"file:///media/usb/manifest.json\": this kind of URL is not allowed" },
  { "sync-url-garbage", "[sync]\nurl=bundles please\npublic-keys=" TEST_KEY "\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] url = \"bundles please\": not a URL" },
  { "sync-url-without-keys", "[sync]\nurl=https://example.org/manifest.json\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] url needs public-keys" },
  { "monitor-kiosk-id", "[monitor]\nkiosk-id=bieb/centrum\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [monitor] kiosk-id = \"bieb/centrum\" is not an id" },
  { "monitor-url-plain-http", "[monitor]\nupload-url=http://example.org/r\nupload-token=t\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [monitor] upload-url = \"http://example.org/r\": plain http" },
  { "monitor-url-without-token", "[monitor]\nupload-url=https://example.org/r\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [monitor] upload-url needs upload-token" },
  { "monitor-token-without-url", "[monitor]\n\nupload-token=abc\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [monitor] upload-token without upload-url" },
  { "monitor-token-file-missing", "[monitor]\nupload-url=https://example.org/r\nupload-token=file:/nonexistent/token\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [monitor] upload-token: " },
  { "monitor-token-file-relative", "[monitor]\nupload-url=https://example.org/r\nupload-token=file:token\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [monitor] upload-token: file:token is not an absolute path" },
  { "sync-key-bad", "[sync]\npublic-keys=RWQnotakey\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] public-keys: \"RWQnotakey\" is not a minisign public key" },
  { "sync-key-missing-file", "[sync]\npublic-keys=" TEST_KEY ";/nonexistent/minisign.pub\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "\"/nonexistent/minisign.pub\" is not a minisign public key" },
  { "sync-keys-empty", "[sync]\npublic-keys=\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] public-keys is empty" },
  { "sync-root-keys-empty", "[sync]\nroot-keys=\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] root-keys is empty" },
  { "sync-root-key-bad", "[sync]\nroot-keys=" TEST_KEY ";RWQnotakey\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "[sync] root-keys: \"RWQnotakey\" is not a minisign public key" },
  { "sync-root-threshold-zero", "[sync]\nroot-keys=" TEST_KEY "\nroot-threshold=0\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [sync] root-threshold = \"0\" is not a number from 1 to 16" },
  { "sync-root-threshold-over", "[sync]\nroot-keys=" TEST_KEY "\nroot-threshold=2\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [sync] root-threshold is 2, but root-keys names 1 key(s)" },
  { "sync-schedule", "[sync]\nschedule=nightly\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] schedule: \"nightly\" is not a schedule" },
  { "sync-schedule-window", "[sync]\nschedule=03:00-27:00\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "[sync] schedule: \"03:00-27:00\" is not a time window" },
  { "sync-schedule-too-often", "[sync]\nschedule=10s\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "[sync] schedule: the interval \"10s\" is too short" },
  { "sync-max-age", "[sync]\nmax-age=a month\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] max-age = \"a month\" is not a duration" },
  { "sync-timeout-too-long", "[sync]\ntimeout=2d\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [sync] timeout = \"2d\" is longer than a day" },
  { "keypad-unknown-name", "[keypad]\nhelp=KP_Plus\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [keypad] help: \"KP_Plus\" is not a key name" },
  { "keypad-two-jobs", "[keypad]\nup=KP_8\n\ndown=KP_2;KP_8\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:4: [keypad] up and down both use \"KP_8\"" },
  { "keypad-unknown-command", "[keypad]\nleft=KP_4\n",
    BAKEN_CONFIG_ERROR_UNKNOWN_KEY, "the keys of [keypad] are: help, up, down, enter, back, home, "
    "repeat, volume-up, volume-down, faster, slower, stop, speech-time-factor, invite-every, "
    "double-strike-ms" },
  { "speech-volume-low", "[speech]\nvolume=5\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [speech] volume = \"5\" is not a percentage "
    "from 10 to 100" },
  { "speech-time-factor-zero", "[keypad]\nspeech-time-factor=0\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [keypad] speech-time-factor = \"0\" is not a "
    "whole number from 1 to 10" },
  { "invite-every-word", "[keypad]\ninvite-every=often\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [keypad] invite-every = \"often\" is not a duration" },
  { "double-strike-long", "[keypad]\ndouble-strike-ms=9000\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [keypad] double-strike-ms = \"9000\" is not a "
    "whole number from 0 to 5000" },
  { "invite-every-short", "[keypad]\ninvite-every=10s\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:2: [keypad] invite-every = \"10s\" is out of range" },
  { "speech-volume-word", "[speech]\n\nvolume=loud\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:3: [speech] volume = \"loud\" is not a percentage" },
  { "sync-stall-longer", "[sync]\ntimeout=10s\n\nstall-timeout=1m\n",
    BAKEN_CONFIG_ERROR_BAD_VALUE, "kiosk.conf:4: [sync] stall-timeout (60s) is longer than timeout (10s)" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autofree char *path = write_config (c->contents);

  config = baken_config_load (path, &error);
  g_assert_null (config);
  g_assert_error (error, BAKEN_CONFIG_ERROR, c->code);
  if (strstr (error->message, c->message) == NULL)
    g_error ("expected “%s” in “%s”", c->message, error->message);
}

static void
test_sync (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) defaults = baken_config_new ();
  g_autoptr(BakenConfig) config = NULL;
  g_autofree char *key_path = g_build_filename (g_get_user_config_dir (), "minisign.pub", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  /* Without [sync]: no URL, the 03:00-05:00 window, 30 days, 10 minutes, 30 seconds. */
  g_assert_null (defaults->sync.url);
  g_assert_cmpuint (defaults->sync.keys->len, ==, 0);
  g_assert_cmpint (defaults->sync.schedule.kind, ==, BAKEN_SYNC_SCHEDULE_WINDOW);
  g_assert_cmpuint (defaults->sync.schedule.window_start, ==, 3 * 3600);
  g_assert_cmpuint (defaults->sync.schedule.window_end, ==, 5 * 3600);
  g_assert_cmpuint (defaults->sync.max_age, ==, 30 * 86400);
  g_assert_cmpuint (defaults->sync.timeout, ==, 600);
  g_assert_cmpuint (defaults->sync.stall_timeout, ==, 30);
  g_assert_cmpuint (defaults->sync.root_keys->len, ==, 0);

  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_assert_true (g_file_set_contents (key_path, "untrusted comment: minisign public key "
                                      "24F317038EF24E5A\n" TEST_KEY "\n", -1, NULL));
  contents = g_strdup_printf ("[sync]\n"
                              "url = http://127.0.0.1:8080/bundle/manifest.json\n"
                              "public-keys = " TEST_KEY ";%s\n"
                              "schedule = 6h\n"
                              "max-age = 14d\n"
                              "timeout = 2m\n"
                              "stall-timeout = 5s\n"
                              "root-keys = %s\n"
                              "root-threshold = 1\n", key_path, key_path);
  path = write_config (contents);
  config = baken_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->sync.url, ==, "http://127.0.0.1:8080/bundle/manifest.json");
  g_assert_cmpuint (config->sync.keys->len, ==, 2);
  g_assert_cmpint (config->sync.schedule.kind, ==, BAKEN_SYNC_SCHEDULE_INTERVAL);
  g_assert_cmpuint (config->sync.schedule.interval, ==, 6 * 3600);
  g_assert_cmpuint (config->sync.max_age, ==, 14 * 86400);
  g_assert_cmpuint (config->sync.timeout, ==, 120);
  g_assert_cmpuint (config->sync.stall_timeout, ==, 5);
  g_assert_cmpuint (config->sync.root_keys->len, ==, 1);
  g_assert_cmpuint (config->sync.root_threshold, ==, 1);
}

/* [monitor]: the id, the URL and the token from a file (its line break dropped). */
static void
test_monitor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) defaults = baken_config_new ();
  g_autoptr(BakenConfig) config = NULL;
  g_autofree char *token_path = g_build_filename (g_get_user_config_dir (), "token", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  g_assert_true (baken_monitor_check_kiosk_id (defaults->monitor.kiosk_id));
  g_assert_null (defaults->monitor.upload_url);
  g_assert_null (defaults->monitor.upload_token);

  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_file_set_contents (token_path, "s3cr3t-Token_1\n", -1, &error);
  g_assert_no_error (error);
  contents = g_strdup_printf ("[monitor]\nkiosk-id = bieb-centrum-1\n"
                              "upload-url = https://monitor.example.nl/baken\n"
                              "upload-token = file:%s\n", token_path);
  path = write_config (contents);
  config = baken_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->monitor.kiosk_id, ==, "bieb-centrum-1");
  g_assert_cmpstr (config->monitor.upload_url, ==, "https://monitor.example.nl/baken");
  g_assert_cmpstr (config->monitor.upload_token, ==, "s3cr3t-Token_1");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = baken_config_load ("/nonexistent/kiosk.conf", &error);

  g_assert_null (config);
  g_assert_error (error, BAKEN_CONFIG_ERROR, BAKEN_CONFIG_ERROR_READ);
}

/* --config naming a FIFO, /dev/zero or a huge file: a clear error at once, no hang. */
static void
test_hostile_file (void)
{
  g_autofree char *fifo = g_build_filename (g_get_tmp_dir (), "baken-test-kiosk-fifo.conf", NULL);
  g_autofree char *big = g_build_filename (g_get_tmp_dir (), "baken-test-kiosk-big.conf", NULL);
  g_autoptr(GString) name = g_string_new ("[kiosk]\nname = ");
  const char *const hostile[] = { fifo, "/dev/zero", big };

  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < 20 * 1024 * 1024; i += 64)
    g_string_append (name, "Bibliotheek Voorbeeldstad Bibliotheek Voorbeeldstad Bibliotheek ");
  g_assert_true (g_file_set_contents (big, name->str, (gssize) name->len, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BakenConfig) config = baken_config_load (hostile[i], &error);

      g_assert_null (config);
      g_assert_error (error, BAKEN_CONFIG_ERROR, BAKEN_CONFIG_ERROR_READ);
      g_test_message ("%s", error->message);
      g_assert_true (strstr (error->message, "not a regular file") != NULL ||
                     strstr (error->message, "may be at most 256") != NULL);
    }

  g_unlink (fifo);
  g_unlink (big);
}

static void
test_example_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "kiosk.conf.example", NULL);

  /* The example we ship must load as it is. */
  config = baken_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/config/defaults", test_defaults);
  g_test_add_func ("/core/config/full", test_full);
  g_test_add_func ("/core/config/missing-file", test_missing_file);
  g_test_add_func ("/core/config/hostile-file", test_hostile_file);
  g_test_add_func ("/core/config/sync", test_sync);
  g_test_add_func ("/core/config/keypad", test_keypad);
  g_test_add_func ("/core/config/speech", test_speech);
  g_test_add_func ("/core/config/example-file", test_example_file);
  g_test_add_func ("/core/config/monitor", test_monitor);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/config/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
