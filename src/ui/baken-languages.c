/* baken-languages.c: language names and the UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-languages"

#include "config.h"

#include "baken-languages.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *code;
  const char *native;  /* in the language itself, never translated */
  const char *name;    /* in Dutch, translated at run time */
} Language;

static const Language languages[] = {
  /* Translators: a language a service speaks with residents */
  { "nl", "Nederlands", NC_("spoken language", "Nederlands") },
  /* Translators: a language a service speaks with residents */
  { "en", "English", NC_("spoken language", "Engels") },
  /* Translators: a language a service speaks with residents */
  { "ar", "العربية", NC_("spoken language", "Arabisch") },
  /* Translators: a language a service speaks with residents */
  { "tr", "Türkçe", NC_("spoken language", "Turks") },
  /* Translators: a language a service speaks with residents */
  { "pl", "Polski", NC_("spoken language", "Pools") },
  /* Translators: a language a service speaks with residents */
  { "uk", "Українська", NC_("spoken language", "Oekraïens") },
  /* Translators: a language a service speaks with residents */
  { "de", "Deutsch", NC_("spoken language", "Duits") },
  /* Translators: a language a service speaks with residents */
  { "fr", "Français", NC_("spoken language", "Frans") },
  /* Translators: a language a service speaks with residents */
  { "es", "Español", NC_("spoken language", "Spaans") },
  /* Translators: a language a service speaks with residents */
  { "pt", "Português", NC_("spoken language", "Portugees") },
  /* Translators: a language a service speaks with residents */
  { "it", "Italiano", NC_("spoken language", "Italiaans") },
  /* Translators: a language a service speaks with residents */
  { "ru", "Русский", NC_("spoken language", "Russisch") },
  /* Translators: a language a service speaks with residents */
  { "ro", "Română", NC_("spoken language", "Roemeens") },
  /* Translators: a language a service speaks with residents */
  { "bg", "Български", NC_("spoken language", "Bulgaars") },
  /* Translators: a language a service speaks with residents */
  { "so", "Soomaali", NC_("spoken language", "Somalisch") },
  /* Translators: a language a service speaks with residents */
  { "ti", "ትግርኛ", NC_("spoken language", "Tigrinya") },
  /* Translators: a language a service speaks with residents */
  { "fa", "فارسی", NC_("spoken language", "Perzisch") },
  /* Translators: a language a service speaks with residents */
  { "zh", "中文", NC_("spoken language", "Chinees") },
  /* Translators: a language a service speaks with residents */
  { "pap", "Papiamentu", NC_("spoken language", "Papiaments") },
  /* Translators: a language a service speaks with residents */
  { "ber", "Tamaziɣt", NC_("spoken language", "Berbers") },
  /* Translators: a language a service speaks with residents */
  { "sgn", "Gebarentaal", NC_("spoken language", "Gebarentaal") },
};

static const Language *
find (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (languages[i].code, code))
        return &languages[i];
    }

  return NULL;
}

const char *
baken_language_get_native_name (const char *code)
{
  const Language *language = find (code);

  g_return_val_if_fail (code != NULL, NULL);

  return language != NULL ? language->native : code;
}

char *
baken_language_dup_name (const char *code)
{
  const Language *language = find (code);

  g_return_val_if_fail (code != NULL, NULL);

  if (language == NULL)
    return g_ascii_strup (code, -1);

  return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "spoken language", language->name));
}

PangoAttrList *
baken_language_new_attributes (const char *code)
{
  PangoAttrList *attrs;

  g_return_val_if_fail (code != NULL, NULL);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (code)));

  return attrs;
}

char *
baken_language_format_list (const char * const *codes)
{
  g_autoptr(GString) text = NULL;
  guint n;

  if (codes == NULL || codes[0] == NULL)
    return NULL;

  n = g_strv_length ((char **) codes);
  text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = baken_language_dup_name (codes[i]);

      if (i > 0 && i == n - 1)
        /* Translators: between the last two languages of a list: "Nederlands en Engels" */
        g_string_append (text, _(" en "));
      else if (i > 0)
        /* Translators: between two languages of a list, all but the last two:
         * "Nederlands, Engels en Arabisch"; Arabic uses its own comma ("، ") */
        g_string_append (text, C_("list separator", ", "));

      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * baken_language_apply:
 *
 * gettext reads LANGUAGE on every call, but glibc caches each translation it found
 * until the catalog counter (_nl_msg_cat_cntr) changes. setlocale() with the locale
 * that is already set does not change it; textdomain() always does, so call it with
 * the current domain. (LANGUAGE is honoured because main() never leaves LC_MESSAGES
 * at "C".)
 */
void
baken_language_apply (const char *code)
{
  g_autofree char *domain = NULL;

  g_return_if_fail (code != NULL);

  g_setenv ("LANGUAGE", code, TRUE);
  domain = g_strdup (textdomain (NULL));
  textdomain (domain);
}
