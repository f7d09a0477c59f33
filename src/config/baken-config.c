/* baken-config.c: kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-config"

#include "config.h"

#include <math.h>

#include "baken-config.h"
#include "baken-config-error.h"
#include "baken-config-keys.h"
#include "baken-config-keypad.h"
#include "baken-config-monitor.h"
#include "baken-file.h"
#include "baken-idle.h"
#include "baken-minisign.h"
#include "baken-pin.h"

G_DEFINE_BOXED_TYPE (BakenConfig, baken_config, baken_config_ref, baken_config_unref)

static const char * const supported_languages[] = { "nl", "en", "ar", "tr", "pl", "uk", NULL };

static gboolean
read_value (BakenConfig           *self,
            GKeyFile              *file,
            const BakenConfigKey  *known,
            const char            *path,
            const char            *contents,
            GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *raw = g_key_file_get_value (file, known->group, known->key, NULL);
  const char *group = known->group;
  const char *key = known->key;

#define BAD_VALUE(...) \
  _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, group, key, \
                      __VA_ARGS__)

  if (g_str_equal (group, "kiosk") && g_str_equal (key, "name"))
    {
      g_autofree char *value = g_key_file_get_string (file, group, key, NULL);

      if (value == NULL || *g_strstrip (value) == '\0')
        return BAD_VALUE ("[kiosk] name is empty; give %s", known->help);
      g_free (self->name);
      self->name = g_steal_pointer (&value);
    }
  else if (g_str_equal (group, "kiosk") &&
           (g_str_equal (key, "latitude") || g_str_equal (key, "longitude")))
    {
      double value = g_key_file_get_double (file, group, key, &local_error);
      double limit = g_str_equal (key, "latitude") ? 90 : 180;

      if (local_error != NULL || !isfinite (value) || fabs (value) > limit)
        return BAD_VALUE ("[kiosk] %s = \"%s\" is not valid; give %s", key, raw, known->help);
      if (g_str_equal (key, "latitude"))
        self->latitude = value;
      else
        self->longitude = value;
    }
  else if (g_str_equal (group, "kiosk") && g_str_equal (key, "languages"))
    {
      g_auto(GStrv) value = g_key_file_get_string_list (file, group, key, NULL, NULL);

      if (value == NULL || value[0] == NULL)
        return BAD_VALUE ("[kiosk] languages is empty; give %s", known->help);
      if (!g_str_equal (value[0], "nl"))
        return BAD_VALUE ("[kiosk] languages must start with nl (Dutch is the language "
                          "the kiosk resets to); give %s", known->help);
      for (guint i = 0; value[i] != NULL; i++)
        if (!g_strv_contains (supported_languages, value[i]))
          return BAD_VALUE ("[kiosk] languages: \"%s\" is not a language this kiosk "
                            "offers; use some of nl, en, ar, tr, pl, uk", value[i]);
      g_strfreev (self->languages);
      self->languages = g_steal_pointer (&value);
    }
  else if (g_str_equal (group, "content") && g_str_equal (key, "path"))
    {
      g_autofree char *value = g_key_file_get_string (file, group, key, NULL);

      if (value == NULL || !g_path_is_absolute (value))
        return BAD_VALUE ("[content] path = \"%s\" must be an absolute path", raw);
      g_free (self->content_path);
      self->content_path = g_steal_pointer (&value);
    }
  else if (g_str_equal (group, "kiosk") && g_str_equal (key, "language-coverage"))
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (raw), 10, 0, 100, &value, NULL))
        return BAD_VALUE ("[kiosk] language-coverage = \"%s\" is not a percentage; give %s",
                          raw, known->help);
      self->language_coverage = value;
    }
  else if (g_str_equal (group, "idle"))
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (raw), 10, 0, 86400, &value, NULL))
        return BAD_VALUE ("[idle] %s = \"%s\" is not a number of seconds; give %s",
                          key, raw, known->help);
      if (g_str_equal (key, "timeout"))
        {
          if (value < BAKEN_IDLE_MIN_TIMEOUT_S)
            return BAD_VALUE ("[idle] timeout = %" G_GUINT64_FORMAT " is too short: residents "
                              "need at least %d seconds; give %s",
                              value, BAKEN_IDLE_MIN_TIMEOUT_S, known->help);
          self->idle_timeout = value;
        }
      else
        {
          if (value < 5 || value > 120)
            return BAD_VALUE ("[idle] countdown = %" G_GUINT64_FORMAT " is out of range; give %s",
                              value, known->help);
          self->idle_countdown = value;
        }
    }
  else if (g_str_equal (group, "hours") && g_str_equal (key, "liberation-day"))
    {
      g_autofree char *value = g_strstrip (g_key_file_get_string (file, group, key, NULL));
      BakenHolidayFlags every_year = BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY;
      BakenHolidayFlags lustrum = BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM;

      self->holidays &= ~(every_year | lustrum);
      /* true and false are what older configs say. */
      if (g_str_equal (value, "every-year") || g_str_equal (value, "true"))
        self->holidays |= every_year;
      else if (g_str_equal (value, "every-five-years"))
        self->holidays |= lustrum;
      else if (!g_str_equal (value, "never") && !g_str_equal (value, "false"))
        return BAD_VALUE ("[hours] liberation-day = \"%s\" is not a rule; give %s", raw,
                          known->help);
    }
  else if (g_str_equal (group, "hours"))
    {
      gboolean value = g_key_file_get_boolean (file, group, key, &local_error);
      BakenHolidayFlags flag = g_str_equal (key, "good-friday")
                               ? BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY
                               : BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY;

      if (local_error != NULL)
        return BAD_VALUE ("[hours] %s = \"%s\" is not true or false", key, raw);
      if (value)
        self->holidays |= flag;
      else
        self->holidays &= ~flag;
    }
  else if (g_str_equal (group, "print") && g_str_equal (key, "printer"))
    {
      g_autofree char *value = g_key_file_get_string (file, group, key, NULL);

      g_free (self->printer);
      self->printer = (value != NULL && *g_strstrip (value) != '\0') ? g_steal_pointer (&value) : NULL;
    }
  else if (g_str_equal (group, "print") && g_str_equal (key, "paper"))
    {
      g_autofree char *value = g_strstrip (g_key_file_get_string (file, group, key, NULL));

      if (g_strcmp0 (value, "receipt-80mm") == 0)
        self->paper = BAKEN_PAPER_RECEIPT_80MM;
      else if (g_strcmp0 (value, "a4") == 0)
        self->paper = BAKEN_PAPER_A4;
      else if (g_strcmp0 (value, "a5") == 0)
        self->paper = BAKEN_PAPER_A5;
      else
        return BAD_VALUE ("[print] paper = \"%s\" is not a paper this kiosk prints on; "
                          "give %s", raw, known->help);
    }
  else if (g_str_equal (group, "print") && g_str_equal (key, "timeout"))
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (raw), 10, 5, 300, &value, NULL))
        return BAD_VALUE ("[print] timeout = \"%s\" is not a number of seconds from 5 to "
                          "300; give %s", raw, known->help);
      self->print_timeout = value;
    }
  else if (g_str_equal (group, "staff") && g_str_equal (key, "pin-hash"))
    {
      g_autofree char *value = g_strstrip (g_key_file_get_string (file, group, key, NULL));
      g_autoptr(GError) pin_error = NULL;

      /* Never an open door: a hash that cannot be checked stops the start. */
      if (!baken_pin_check_hash (value, &pin_error))
        return BAD_VALUE ("[staff] pin-hash: %s", pin_error->message);
      g_free (self->staff_pin_hash);
      self->staff_pin_hash = g_steal_pointer (&value);
    }
  else if (g_str_equal (group, "staff") && g_str_equal (key, "idle-timeout"))
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (raw), 10, 20, 3600, &value, NULL))
        return BAD_VALUE ("[staff] idle-timeout = \"%s\" is not a number of seconds from 20 "
                          "to 3600; give %s", raw, known->help);
      self->staff_idle_timeout = value;
    }
  else if (g_str_equal (group, "staff") && g_str_equal (key, "desk-pin"))
    {
      g_autoptr(GError) bool_error = NULL;
      gboolean value = g_key_file_get_boolean (file, group, key, &bool_error);

      if (bool_error != NULL)
        return BAD_VALUE ("[staff] desk-pin = \"%s\" is not true or false", raw);
      self->staff_desk_pin = value;
    }
  else if (g_str_equal (group, "sync") && g_str_equal (key, "url"))
    {
      g_autofree char *value = g_strstrip (g_key_file_get_string (file, group, key, NULL));
      g_autoptr(GError) uri_error = NULL;

      if (!baken_sync_check_url (value, &uri_error))
        return BAD_VALUE ("[sync] url = \"%s\": %s", raw, uri_error->message);
      g_free (self->sync.url);
      self->sync.url = g_steal_pointer (&value);
    }
  else if (g_str_equal (group, "sync") &&
           (g_str_equal (key, "public-keys") || g_str_equal (key, "root-keys")))
    {
      g_auto(GStrv) value = g_key_file_get_string_list (file, group, key, NULL, NULL);
      GPtrArray *keys = g_str_equal (key, "root-keys") ? self->sync.root_keys
                                                       : self->sync.keys;

      g_ptr_array_set_size (keys, 0);
      for (guint i = 0; value != NULL && value[i] != NULL; i++)
        {
          g_autoptr(GError) key_error = NULL;
          BakenMinisignPublicKey *public_key;

          if (*g_strstrip (value[i]) == '\0')
            continue;
          public_key = baken_minisign_public_key_new_from_file_or_base64 (value[i], &key_error);
          if (public_key == NULL)
            return BAD_VALUE ("[sync] %s: \"%s\" is not a minisign public key (%s); "
                              "give %s", key, value[i], key_error->message, known->help);
          g_ptr_array_add (keys, public_key);
        }
      if (keys->len == 0)
        return BAD_VALUE ("[sync] %s is empty; give %s", key, known->help);
    }
  else if (g_str_equal (group, "sync") && g_str_equal (key, "root-threshold"))
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (raw), 10, 1, 16, &value, NULL))
        return BAD_VALUE ("[sync] root-threshold = \"%s\" is not a number from 1 to 16; "
                          "give %s", raw, known->help);
      self->sync.root_threshold = value;
    }
  else if (g_str_equal (group, "sync") && g_str_equal (key, "schedule"))
    {
      g_autofree char *value = g_key_file_get_string (file, group, key, NULL);
      g_autoptr(GError) schedule_error = NULL;

      if (!baken_sync_schedule_parse (value != NULL ? value : "", &self->sync.schedule,
                                 &schedule_error))
        return BAD_VALUE ("[sync] schedule: %s", schedule_error->message);
    }
  else if (g_str_equal (group, "sync"))
    {
      g_autofree char *value = g_strstrip (g_key_file_get_string (file, group, key, NULL));
      guint64 seconds = 0;

      if (g_str_equal (key, "max-age") && g_strcmp0 (value, "0") == 0)
        seconds = 0;
      else if (value == NULL || !baken_duration_parse (value, &seconds, NULL))
        return BAD_VALUE ("[sync] %s = \"%s\" is not a duration; give %s",
                          key, raw, known->help);

      if (g_str_equal (key, "max-age"))
        self->sync.max_age = seconds;
      else if (seconds > 86400)
        return BAD_VALUE ("[sync] %s = \"%s\" is longer than a day; give %s",
                          key, raw, known->help);
      else if (g_str_equal (key, "timeout"))
        self->sync.timeout = seconds;
      else
        self->sync.stall_timeout = seconds;
    }
  else if (g_str_equal (group, "speech") ||
           (g_str_equal (group, "keypad") && !_baken_config_keypad_is_command (key)))
    {
      if (!_baken_config_speech_read (self, file, group, key, known->help, path, contents,
                                      error))
        return FALSE;
    }
  else if (g_str_equal (group, "monitor"))
    {
      if (!_baken_config_monitor_read (self, file, key, known->help, path, contents, error))
        return FALSE;
    }
  else if (g_str_equal (group, "keypad"))
    {
      if (!_baken_config_keypad_read (self, file, key, known->help, path, contents, error))
        return FALSE;
    }
  else
    g_assert_not_reached ();

#undef BAD_VALUE

  return TRUE;
}

BakenConfig *
baken_config_new (void)
{
  BakenConfig *self = g_new0 (BakenConfig, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup ("Baken");
  self->languages = g_strdupv ((char **) (const char * const[]) { "nl", "en", NULL });
  self->idle_timeout = 90;
  self->idle_countdown = 20;
  self->holidays = BAKEN_HOLIDAY_FLAGS_NONE;
  self->paper = BAKEN_PAPER_RECEIPT_80MM;
  self->print_timeout = 30;
  self->language_coverage = 90;
  self->staff_idle_timeout = 60;
  self->staff_desk_pin = TRUE;
  self->sync.keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  self->sync.root_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  self->sync.root_threshold = 1;
  self->sync.schedule.kind = BAKEN_SYNC_SCHEDULE_WINDOW;
  self->sync.schedule.window_start = 3 * 3600;
  self->sync.schedule.window_end = 5 * 3600;
  self->sync.max_age = 30 * 86400;
  self->sync.timeout = 600;
  self->sync.stall_timeout = 30;
  _baken_config_keypad_set_defaults (self);
  _baken_config_monitor_set_defaults (self);

  return self;
}

BakenConfig *
baken_config_load (const char  *path,
                   GError     **error)
{
  g_autoptr(BakenConfig) self = baken_config_new ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) groups = NULL;
  gboolean has_lat, has_lon;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!baken_file_read (path, BAKEN_FILE_MAX_CONFIG, &contents, &length, &local_error))
    {
      g_set_error (error, BAKEN_CONFIG_ERROR, BAKEN_CONFIG_ERROR_READ,
                   "Cannot read the configuration: %s", local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, BAKEN_CONFIG_ERROR, BAKEN_CONFIG_ERROR_READ,
                   "%s: the file is not UTF-8 text; save it as UTF-8", path);
      return NULL;
    }
  if (!g_key_file_load_from_data (file, contents, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, BAKEN_CONFIG_ERROR, BAKEN_CONFIG_ERROR_READ,
                   "%s: %s (the file must look like kiosk.conf.example: [group] lines "
                   "and key=value lines)", path, local_error->message);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) keys = NULL;

      if (_baken_config_lookup_key (groups[g], NULL) == NULL)
        {
          _baken_config_fail (error, BAKEN_CONFIG_ERROR_UNKNOWN_KEY, path, contents,
                              groups[g], NULL,
                              "unknown group [%s]; the groups are [kiosk], [content], [idle], "
                              "[hours], [print], [staff], [sync], [monitor], [keypad] and "
                              "[speech]", groups[g]);
          return NULL;
        }

      keys = g_key_file_get_keys (file, groups[g], NULL, NULL);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const BakenConfigKey *known = _baken_config_lookup_key (groups[g], keys[k]);

          if (known == NULL)
            {
              g_autofree char *valid = _baken_config_dup_keys (groups[g]);

              _baken_config_fail (error, BAKEN_CONFIG_ERROR_UNKNOWN_KEY, path, contents,
                                  groups[g], keys[k],
                                  "unknown key \"%s\" in [%s]; the keys of [%s] are: %s",
                                  keys[k], groups[g], groups[g], valid);
              return NULL;
            }

          if (!read_value (self, file, known, path, contents, error))
            return NULL;
        }
    }

  has_lat = g_key_file_has_key (file, "kiosk", "latitude", NULL);
  has_lon = g_key_file_has_key (file, "kiosk", "longitude", NULL);
  if (has_lat != has_lon)
    {
      _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "kiosk",
                          has_lat ? "latitude" : "longitude",
                          "[kiosk] needs both latitude and longitude, or neither");
      return NULL;
    }
  self->has_location = has_lat && has_lon;

  if (!_baken_config_keypad_check (self, file, path, contents, error) ||
      !_baken_config_monitor_check (self, path, contents, error))
    return NULL;

  if (self->staff_pin_hash == NULL)
    g_message ("%s: no [staff] pin-hash: staff mode is off on this kiosk (baken --hash-pin "
               "makes one)", path);

  if (self->sync.url != NULL && self->sync.keys->len == 0)
    {
      _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "sync", "url",
                          "[sync] url needs public-keys: the kiosk only installs bundles "
                          "signed with a key it knows");
      return NULL;
    }
  if (self->sync.root_threshold > MAX (self->sync.root_keys->len, 1))
    {
      _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "sync",
                          "root-threshold",
                          "[sync] root-threshold is %u, but root-keys names %u key(s); give "
                          "at most that many", self->sync.root_threshold,
                          self->sync.root_keys->len);
      return NULL;
    }
  if (self->sync.stall_timeout > self->sync.timeout)
    {
      _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "sync",
                          "stall-timeout",
                          "[sync] stall-timeout (%us) is longer than timeout (%us); make it "
                          "shorter", self->sync.stall_timeout, self->sync.timeout);
      return NULL;
    }

  return g_steal_pointer (&self);
}

BakenConfig *
baken_config_ref (BakenConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
baken_config_unref (BakenConfig *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_strfreev (self->languages);
  g_free (self->content_path);
  g_free (self->printer);
  g_free (self->staff_pin_hash);
  g_free (self->sync.url);
  g_ptr_array_unref (self->sync.keys);
  g_ptr_array_unref (self->sync.root_keys);
  baken_monitor_settings_clear (&self->monitor);
  for (guint i = 0; i < BAKEN_KEYPAD_N_COMMANDS; i++)
    g_strfreev (self->keypad[i]);
  g_free (self);
}

void
baken_config_get_slip_place (BakenConfig    *self,
                             BakenSlipPlace *place)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (place != NULL);

  *place = (BakenSlipPlace) {
    .name = self->name,
    .has_location = self->has_location,
    .latitude = self->latitude,
    .longitude = self->longitude,
    .holidays = self->holidays,
  };
}
