/* baken-speech-text.h: what "Lees voor" says on each screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: catalog data and the fixed texts of a screen (in the current gettext language,
 * see baken_language_apply()) in, one plain text out, in the order a resident reads the
 * screen. One sentence or item per line; every line ends in a full stop, question mark
 * or colon so the voice pauses. No audio here: see baken-speaker.h.
 *
 * Pages other than these four implement BakenSpeakable (baken-speakable.h).
 */
#pragma once

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-slip.h"

G_BEGIN_DECLS

/* The question and every life-event tile. */
char *baken_speech_text_home        (BakenCatalog  *catalog,
                                     const char    *language,
                                     GError       **error);
/* The life event, its question, and every choice with its summary. */
char *baken_speech_text_event       (BakenCatalog  *catalog,
                                     const char    *language,
                                     const char    *event_id,
                                     GError       **error);
/* The life event and who can help: organisation, service, its summary and open state. */
char *baken_speech_text_services    (BakenCatalog  *catalog,
                                     BakenConfig   *config,
                                     const char    *language,
                                     const char    *event_id,
                                     GDateTime     *now,
                                     GError       **error);
/* The service page: name, open state, every section and every channel. Phone numbers
 * are read digit by digit. */
char *baken_speech_text_service     (BakenCatalog  *catalog,
                                     BakenConfig   *config,
                                     const char    *language,
                                     const char    *service_id,
                                     GDateTime     *now,
                                     GError       **error);
/* The slip as it will print, before it prints: for whom, what they help with, what
 * to bring, how to reach them (numbers digit by digit, the hours of today), where to
 * go, and the code. The headings are the slip's own. */
char *baken_speech_text_slip        (const BakenSlip *slip);
/* "Bent u er nog?", the seconds left and the button. */
char *baken_speech_text_idle_prompt (guint          seconds);

/* Speech mode, on a keypad key: where the resident is (title NULL: Home), how many
 * choices the screen has, and how to move. */
char *baken_speech_text_where       (const char    *title,
                                     guint          n_choices);
/* Speech mode, on a new screen: its title and how many choices it has. */
char *baken_speech_text_screen      (const char    *title,
                                     guint          n_choices);

/* Appends text as one line of speech (adds a full stop when the text ends without
 * punctuation). Does nothing for NULL or empty text. */
void  baken_speech_text_append      (GString       *speech,
                                     const char    *text);

G_END_DECLS
