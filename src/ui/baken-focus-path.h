/* baken-focus-path.h: the way through the kiosk by keys alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_FOCUS_PATH (baken_focus_path_get_type ())

G_DECLARE_FINAL_TYPE (BakenFocusPath, baken_focus_path, BAKEN, FOCUS_PATH, GObject)

/* The widgets of the window it steers (all unowned, in the window). */
typedef struct
{
  GtkWidget *window;        /* a GtkWindow; gets the key controller "baken-focus-keys" */
  GtkStack  *stack;         /* its visible child is the page */
  GtkWidget *nav;           /* Back and Home (kiosk.back, kiosk.home) */
  GtkWidget *language_box;  /* the language switch, which keeps its focus */
  GtkWidget *prompt_slot;   /* what covers the page: the idle prompt, */
  GtkWidget *picker_slot;   /* the language picker */
  gboolean   kiosk;         /* the kiosk's key filter decides about Escape */
} BakenFocusLayout;

BakenFocusPath *baken_focus_path_new        (const BakenFocusLayout *layout);
/* Starts taking the keys that move the focus (a capture-phase controller on the window:
 * controllers added before it, such as the kiosk's key filter, ask first) and places
 * the focus again when the window is first shown. Installs "focus.place" on the window:
 * the focus goes where a new page would put it. */
void            baken_focus_path_listen     (BakenFocusPath         *self);

/* A new page is shown: name it, and put focus on its first choice (or Begin). */
void            baken_focus_path_page_shown (BakenFocusPath         *self);

G_END_DECLS
