/* baken-config-keys.c: every key of kiosk.conf, its type and what a good value looks like
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-config"

#include "config.h"

#include "baken-config-keys.h"

/* Every key this version understands. Anything else is a typo until proven otherwise. */
static const BakenConfigKey known_keys[] = {
  { "kiosk", "name", BAKEN_CONFIG_VALUE_STRING,
    "a short name such as \"Bibliotheek Voorbeeldstad\"" },
  { "kiosk", "latitude", BAKEN_CONFIG_VALUE_DOUBLE,
    "decimal degrees between -90 and 90, e.g. 52.0907" },
  { "kiosk", "longitude", BAKEN_CONFIG_VALUE_DOUBLE,
    "decimal degrees between -180 and 180, e.g. 5.1214" },
  { "kiosk", "languages", BAKEN_CONFIG_VALUE_LIST,
    "language codes separated by ';', Dutch first, e.g. nl;en" },
  { "kiosk", "language-coverage", BAKEN_CONFIG_VALUE_UINT,
    "the percentage (0 to 100) of life events and services the content must have in a language "
    "before the kiosk offers it, e.g. 90" },
  { "content", "path", BAKEN_CONFIG_VALUE_STRING,
    "the path of a content DB built by baken-bundle" },
  { "idle", "timeout", BAKEN_CONFIG_VALUE_UINT,
    "seconds without input before \"Bent u er nog?\", at least 20" },
  { "idle", "countdown", BAKEN_CONFIG_VALUE_UINT,
    "seconds the prompt waits before the reset, 5 to 120" },
  { "hours", "good-friday", BAKEN_CONFIG_VALUE_BOOLEAN,
    "true or false: is Good Friday a closing day" },
  { "hours", "liberation-day", BAKEN_CONFIG_VALUE_STRING,
    "never, every-year or every-five-years (2025, 2030, …, as many collective agreements say): "
    "when 5 May is a closing day" },
  { "print", "printer", BAKEN_CONFIG_VALUE_STRING,
    "the name of a CUPS queue" },
  { "print", "paper", BAKEN_CONFIG_VALUE_STRING,
    "receipt-80mm, a4 or a5" },
  { "print", "timeout", BAKEN_CONFIG_VALUE_UINT,
    "seconds a slip may take to print before it is cancelled, 5 to 300" },
  { "staff", "pin-hash", BAKEN_CONFIG_VALUE_STRING,
    "the line that \"baken --hash-pin\" prints ($argon2id$…)" },
  { "staff", "idle-timeout", BAKEN_CONFIG_VALUE_UINT,
    "seconds without input before staff mode ends, 20 to 3600 (shorter than [idle] timeout "
    "suits a kiosk)" },
  { "staff", "desk-pin", BAKEN_CONFIG_VALUE_BOOLEAN,
    "true or false: does baken --desk ask for the PIN at start" },
  { "sync", "url", BAKEN_CONFIG_VALUE_STRING,
    "the https URL of the published manifest.json" },
  { "sync", "public-keys", BAKEN_CONFIG_VALUE_LIST,
    "minisign public keys (RWQ… lines or the paths of minisign.pub files) separated by ';'" },
  { "sync", "root-keys", BAKEN_CONFIG_VALUE_LIST,
    "the offline root keys that sign keys.json, the root keys document (RWQ… lines or the "
    "paths of minisign.pub files) separated by ';'" },
  { "sync", "root-threshold", BAKEN_CONFIG_VALUE_UINT,
    "how many of root-keys must sign a root keys document, from 1 to their number, e.g. 2" },
  { "sync", "schedule", BAKEN_CONFIG_VALUE_STRING,
    "a daily window such as 03:00-05:00 or an interval such as 6h" },
  { "sync", "max-age", BAKEN_CONFIG_VALUE_STRING,
    "a duration such as 30d after which content counts as stale, or 0 for never" },
  { "sync", "timeout", BAKEN_CONFIG_VALUE_STRING,
    "a duration such as 10m that a whole sync may take" },
  { "sync", "stall-timeout", BAKEN_CONFIG_VALUE_STRING,
    "a duration such as 30s without any data after which a download is given up" },
  { "monitor", "kiosk-id", BAKEN_CONFIG_VALUE_STRING,
    "a letter or digit, then letters, digits, '.', '_' or '-' (at most 128), e.g. "
    "bieb-centrum-1: the folder of this kiosk's reports" },
  { "monitor", "upload-url", BAKEN_CONFIG_VALUE_STRING,
    "the https URL the daily reports are put under, e.g. https://monitor.example.nl/reports" },
  { "monitor", "upload-token", BAKEN_CONFIG_VALUE_STRING,
    "this kiosk's bearer token, or file:PATH of a file that holds it" },
  /* In BakenKeypadCommand order. */
  { "keypad", "help", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' (GDK/X names such as KP_Add, F1): speech mode on, and where "
    "the resident is" },
  { "keypad", "up", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_8;KP_Up: the previous control" },
  { "keypad", "down", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_2;KP_Down: the next control" },
  { "keypad", "enter", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_Enter;KP_5: choose the focused control" },
  { "keypad", "back", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_Subtract: back" },
  { "keypad", "home", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_Multiply: home" },
  { "keypad", "repeat", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_0;KP_Insert: say the focused control again (held "
    "for a second: the whole screen)" },
  { "keypad", "volume-up", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_9;KP_Prior: louder" },
  { "keypad", "volume-down", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_3;KP_Next: softer" },
  { "keypad", "faster", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_7;KP_Home: speech faster" },
  { "keypad", "slower", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_1;KP_End: speech slower" },
  { "keypad", "stop", BAKEN_CONFIG_VALUE_LIST,
    "key names separated by ';' such as KP_Decimal;KP_Delete: stop speaking" },
  { "keypad", "speech-time-factor", BAKEN_CONFIG_VALUE_UINT,
    "a whole number from 1 to 10 that the idle timeout is multiplied by in speech mode, e.g. 3" },
  { "keypad", "invite-every", BAKEN_CONFIG_VALUE_STRING,
    "a duration such as 5m between spoken invitations on Home, or off" },
  { "keypad", "double-strike-ms", BAKEN_CONFIG_VALUE_UINT,
    "milliseconds, 0 to 5000, during which the same keypad key pressed again is not taken "
    "(for a hand that shakes), e.g. 500; 0 is off" },
  { "speech", "volume", BAKEN_CONFIG_VALUE_UINT,
    "the volume of speech in percent, 10 to 100, set at every idle reset and when a headset "
    "comes in, e.g. 50" },
};

const BakenConfigKey *
_baken_config_lookup_key (const char *group,
                          const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    if (g_str_equal (known_keys[i].group, group) &&
        (key == NULL || g_str_equal (known_keys[i].key, key)))
      return &known_keys[i];

  return NULL;
}

char *
_baken_config_dup_keys (const char *group)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_keys); i++)
    if (g_str_equal (known_keys[i].group, group))
      g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", known_keys[i].key);

  return g_string_free (g_steal_pointer (&keys), FALSE);
}
