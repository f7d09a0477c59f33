/* baken-resident-access.h: the ways in besides touch: settings, speech, keypad, keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-a11y-controller.h"
#include "baken-context.h"
#include "baken-navigator.h"
#include "baken-page-keys.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_RESIDENT_ACCESS (baken_resident_access_get_type ())

G_DECLARE_FINAL_TYPE (BakenResidentAccess, baken_resident_access, BAKEN, RESIDENT_ACCESS,
                      GObject)

/* The parts of the window they use (all unowned, in the window). */
typedef struct
{
  GtkWidget     *window;        /* a GtkWindow: its keys, its kiosk.* actions */
  GtkStack      *stack;         /* its visible child is the page */
  GtkWidget     *topbar;        /* comes down with "Alles lager" */
  BakenReachBin *reach_bin;
  AdwBin        *bar_slot;      /* the accessibility bar */
  GtkWidget     *nav;           /* Back and Home */
  GtkWidget     *language_box;  /* the language switch, which keeps its focus */
  AdwBin        *picker_slot;   /* the language picker, over the page */
  AdwBin        *prompt_slot;   /* the idle prompt, over the page */
} BakenAccessLayout;

/* The accessibility settings (a11y.* actions), speech mode with the keypad and the
 * focus path; kiosk: the kiosk's key filter asks the keypad first, and the sound
 * server's headset and volume (sound.* actions) are used. The signal "activity" says
 * the resident changed a setting, pressed a keypad key or plugged a headset in or out. */
BakenResidentAccess *baken_resident_access_new        (const BakenAccessLayout  *layout,
                                                       BakenContext             *context,
                                                       gboolean                  kiosk);
/* Before the first page: what is read aloud follows the pages of navigator, and the
 * keypad's Back and Home go there. */
void                 baken_resident_access_set_navigator (BakenResidentAccess   *self,
                                                       BakenNavigator           *navigator);
/* Takes the keys, in this order: the kiosk's key filter (kiosk mode), the keys of the
 * search and handover pages (unless covered says something covers the page), the
 * focus keys. Controllers added to the window later ask after these. */
void                 baken_resident_access_listen     (BakenResidentAccess      *self,
                                                       BakenPageKeysCoveredFunc  covered,
                                                       gpointer                  user_data);

/* A new page is shown: the focus goes to it, the old speech stops and the new page is
 * read aloud or, in speech mode, said the keypad's way. */
void                 baken_resident_access_page_shown (BakenResidentAccess      *self);

BakenA11yController *baken_resident_access_get_a11y   (BakenResidentAccess      *self);
/* Speech mode: its property "on". */
BakenSpeechMode     *baken_resident_access_get_speech_mode (BakenResidentAccess *self);
/* Between residents: speech, text size, contrast, reach, the language picker and
 * speech mode off; the speech volume back to its safe level. */
void                 baken_resident_access_reset      (BakenResidentAccess      *self);
/* "Bent u er nog?" is shown (or near its end): said now to everyone, after a tone,
 * in the current language, whether speech is on or off. */
void                 baken_resident_access_prompt_shown (BakenResidentAccess    *self);
/* What "Lees voor" says now (see baken-speech-source.h), NULL when nothing. */
char                *baken_resident_access_dup_speech_text (BakenResidentAccess *self);

G_END_DECLS
