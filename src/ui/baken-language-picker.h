/* baken-language-picker.h: every offered language as a big button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_LANGUAGE_PICKER (baken_language_picker_get_type ())

G_DECLARE_FINAL_TYPE (BakenLanguagePicker, baken_language_picker, BAKEN, LANGUAGE_PICKER,
                      GtkWidget)

/* A full-screen card over the page: one button per code, each name in its own language
 * and script (kiosk.language), and a button that closes it (a11y.close-languages). */
GtkWidget *baken_language_picker_new (const char * const *codes);

G_END_DECLS
