/* baken-languages.h: language names and the UI language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The name of a language in that language ("Nederlands", "English", "Türkçe"), for the
 * language switch; the code itself when unknown. */
const char *baken_language_get_native_name (const char *code);
/* The name of a spoken language in the current UI language ("Engels" / "English"); the
 * code in capitals when unknown. Returns a new string. */
char       *baken_language_dup_name        (const char *code);
/* Attributes that mark a text as being in language code (Pango picks its fonts and
 * shaping for that language: "العربية" in an Arabic font in a Dutch screen). */
PangoAttrList *baken_language_new_attributes (const char *code);
/* "Nederlands, Engels en Arabisch" in the current UI language, or NULL when empty. */
char       *baken_language_format_list     (const char * const *codes);

/* Switches the gettext language of this process (LANGUAGE) and makes gettext forget
 * the translations it has cached. Widgets translated before keep their texts: rebuild
 * them. */
void        baken_language_apply           (const char *code);

G_END_DECLS
