/* baken-speech-source.h: what "Lees voor" says now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-context.h"
#include "baken-navigator.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SPEECH_SOURCE (baken_speech_source_get_type ())

G_DECLARE_FINAL_TYPE (BakenSpeechSource, baken_speech_source, BAKEN, SPEECH_SOURCE, GObject)

/* The idle prompt in prompt_slot when shown, else the language picker in picker_slot
 * when shown, else the page of navigator (both slots unowned, in the window). */
BakenSpeechSource *baken_speech_source_new      (AdwBin            *prompt_slot,
                                                 AdwBin            *picker_slot,
                                                 BakenNavigator    *navigator,
                                                 BakenContext      *context);

/* See baken-speech-text.h and baken-speakable.h. NULL when there is nothing to say. */
char              *baken_speech_source_dup_text (BakenSpeechSource *self);

G_END_DECLS
