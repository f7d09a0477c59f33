/* baken-config-keypad.c: the [keypad] and [speech] sections of kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which keys of the tactile keypad run which command: GDK's key names (X's keysym
 * names) per command, a common USB numeric keypad by default, and each key with one job.
 * And how speech behaves for the resident who uses them: its volume, the time speech
 * mode gives, the spoken invitation on Home.
 */
#define G_LOG_DOMAIN "baken-config"

#include "config.h"

#include "baken-config-keypad.h"
#include "baken-config-error.h"

#include <xkbcommon/xkbcommon.h>

#include "baken-sync-policy.h"

/* A common USB numeric keypad, with Num Lock on or off (KP_8 or KP_Up, …). */
static const char * const keypad_defaults[BAKEN_KEYPAD_N_COMMANDS][5] = {
  [BAKEN_KEYPAD_HELP] = { "KP_Add", NULL },
  [BAKEN_KEYPAD_UP] = { "KP_8", "KP_Up", NULL },
  [BAKEN_KEYPAD_DOWN] = { "KP_2", "KP_Down", NULL },
  [BAKEN_KEYPAD_ENTER] = { "KP_Enter", "KP_5", "KP_Begin", NULL },
  [BAKEN_KEYPAD_BACK] = { "KP_Subtract", NULL },
  [BAKEN_KEYPAD_HOME] = { "KP_Multiply", NULL },
  [BAKEN_KEYPAD_REPEAT] = { "KP_0", "KP_Insert", NULL },
  /* Many keypads and headset remotes also have volume keys of their own. */
  [BAKEN_KEYPAD_VOLUME_UP] = { "KP_9", "KP_Prior", "XF86AudioRaiseVolume", NULL },
  [BAKEN_KEYPAD_VOLUME_DOWN] = { "KP_3", "KP_Next", "XF86AudioLowerVolume", NULL },
  /* The left column mirrors the volume on the right: up is more. */
  [BAKEN_KEYPAD_FASTER] = { "KP_7", "KP_Home", NULL },
  [BAKEN_KEYPAD_SLOWER] = { "KP_1", "KP_End", NULL },
  [BAKEN_KEYPAD_STOP] = { "KP_Decimal", "KP_Delete", NULL },
};

static const char * const keypad_keys[BAKEN_KEYPAD_N_COMMANDS] = {
  "help", "up", "down", "enter", "back", "home", "repeat", "volume-up", "volume-down",
  "faster", "slower", "stop",
};

static gboolean
read_number (const char  *raw,
             guint64      min,
             guint64      max,
             guint       *value)
{
  g_autofree char *text = g_strstrip (g_strdup (raw != NULL ? raw : ""));
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    return FALSE;
  *value = (guint) number;

  return TRUE;
}

static BakenKeypadCommand
keypad_command_from_key (const char *key)
{
  for (guint i = 0; i < BAKEN_KEYPAD_N_COMMANDS; i++)
    if (g_str_equal (keypad_keys[i], key))
      return i;

  g_assert_not_reached ();
}

/* Private API */

void
_baken_config_keypad_set_defaults (BakenConfig *self)
{
  for (guint i = 0; i < BAKEN_KEYPAD_N_COMMANDS; i++)
    self->keypad[i] = g_strdupv ((char **) keypad_defaults[i]);
  self->speech_time_factor = 3;
  self->invite_every = 0;
  self->double_strike_ms = 0;
  self->speech_volume = 50;
}

gboolean
_baken_config_keypad_is_command (const char *key)
{
  for (guint i = 0; i < BAKEN_KEYPAD_N_COMMANDS; i++)
    if (g_str_equal (keypad_keys[i], key))
      return TRUE;

  return FALSE;
}

gboolean
_baken_config_speech_read (BakenConfig  *self,
                           GKeyFile     *file,
                           const char   *group,
                           const char   *key,
                           const char   *help,
                           const char   *path,
                           const char   *contents,
                           GError      **error)
{
  g_autofree char *raw = g_key_file_get_value (file, group, key, NULL);

#define BAD_VALUE(...) \
  _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, group, key, \
                      __VA_ARGS__)

  if (g_str_equal (key, "volume"))
    {
      if (!read_number (raw, 10, 100, &self->speech_volume))
        return BAD_VALUE ("[speech] volume = \"%s\" is not a percentage from 10 to 100; "
                          "give %s", raw, help);
    }
  else if (g_str_equal (key, "speech-time-factor"))
    {
      if (!read_number (raw, 1, 10, &self->speech_time_factor))
        return BAD_VALUE ("[keypad] speech-time-factor = \"%s\" is not a whole number from "
                          "1 to 10; give %s", raw, help);
    }
  else if (g_str_equal (key, "double-strike-ms"))
    {
      if (!read_number (raw, 0, 5000, &self->double_strike_ms))
        return BAD_VALUE ("[keypad] double-strike-ms = \"%s\" is not a whole number from "
                          "0 to 5000; give %s", raw, help);
    }
  else if (g_str_equal (key, "invite-every"))
    {
      g_autofree char *value = g_strstrip (g_strdup (raw));
      guint64 seconds = 0;

      if (g_str_equal (value, "off") || g_str_equal (value, "0"))
        seconds = 0;
      else if (!baken_duration_parse (value, &seconds, NULL))
        return BAD_VALUE ("[keypad] invite-every = \"%s\" is not a duration; give %s", raw,
                          help);
      else if (seconds < 60 || seconds > 86400)
        return BAD_VALUE ("[keypad] invite-every = \"%s\" is out of range: give 1m to 24h, "
                          "or off", raw);
      self->invite_every = (guint) seconds;
    }
  else
    g_assert_not_reached ();

#undef BAD_VALUE

  return TRUE;
}

gboolean
_baken_config_keypad_read (BakenConfig  *self,
                           GKeyFile     *file,
                           const char   *key,
                           const char   *help,
                           const char   *path,
                           const char   *contents,
                           GError      **error)
{
  g_auto(GStrv) value = g_key_file_get_string_list (file, "keypad", key, NULL, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  BakenKeypadCommand command = keypad_command_from_key (key);

  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      const char *name = g_strstrip (value[i]);

      if (*name == '\0')
        continue;
      /* GDK's key names are X's keysym names. */
      if (xkb_keysym_from_name (name, XKB_KEYSYM_NO_FLAGS) == XKB_KEY_NoSymbol)
        return _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents,
                                   "keypad", key,
                                   "[keypad] %s: \"%s\" is not a key name (names are case "
                                   "sensitive); give %s", key, name, help);
      g_strv_builder_add (names, name);
    }
  g_strfreev (self->keypad[command]);
  self->keypad[command] = g_strv_builder_end (names);

  return TRUE;
}

gboolean
_baken_config_keypad_check (BakenConfig  *self,
                            GKeyFile     *file,
                            const char   *path,
                            const char   *contents,
                            GError      **error)
{
  for (guint c = 0; c < BAKEN_KEYPAD_N_COMMANDS; c++)
    {
      gboolean set = g_key_file_has_key (file, "keypad", keypad_keys[c], NULL);

      for (guint other = 0; other < BAKEN_KEYPAD_N_COMMANDS; other++)
        {
          gboolean other_set = g_key_file_has_key (file, "keypad", keypad_keys[other], NULL);
          g_autoptr(GStrvBuilder) kept = NULL;

          if (other == c || !set)
            continue;

          for (guint i = 0; self->keypad[c][i] != NULL; i++)
            {
              const char *name = self->keypad[c][i];

              if (!g_strv_contains ((const char * const *) self->keypad[other], name))
                continue;
              if (other_set)
                return _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents,
                                           "keypad", keypad_keys[MAX (c, other)],
                                           "[keypad] %s and %s both use \"%s\"; give each "
                                           "key one job", keypad_keys[MIN (c, other)],
                                           keypad_keys[MAX (c, other)], name);
            }

          if (other_set)
            continue;
          kept = g_strv_builder_new ();
          for (guint i = 0; self->keypad[other][i] != NULL; i++)
            if (!g_strv_contains ((const char * const *) self->keypad[c], self->keypad[other][i]))
              g_strv_builder_add (kept, self->keypad[other][i]);
          g_strfreev (self->keypad[other]);
          self->keypad[other] = g_strv_builder_end (kept);
        }
    }

  return TRUE;
}

/* Public API */

const char *
baken_keypad_command_get_key (BakenKeypadCommand command)
{
  g_return_val_if_fail (command < BAKEN_KEYPAD_N_COMMANDS, NULL);

  return keypad_keys[command];
}
