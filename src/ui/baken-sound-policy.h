/* baken-sound-policy.h: which output is a headset, and which is the loudspeaker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of a snapshot of the sound server's sinks (baken-sound-server.h): the
 * controller (baken-sound-controller.c) compares what they say now with what they said
 * before, and acts on the difference.
 */
#pragma once

#include "baken-sound-server.h"

G_BEGIN_DECLS

typedef struct
{
  char *sink;  /* (owned) (nullable) the headset's sink; NULL: no headset */
  char *port;  /* (owned) (nullable) its jack on that sink; NULL: the whole sink is it */
} BakenHeadset;

/* The headset among sinks: a sink whose device.form_factor is "headset" or "headphone"
 * (a USB or Bluetooth headset; the newest when there are more), else a headphone port
 * that jack detection says is plugged in (on default_sink first). FALSE when there is
 * none; headset is then cleared. */
gboolean    baken_sound_find_headset (GPtrArray          *sinks,
                                      const char         *default_sink,
                                      BakenHeadset       *headset);
gboolean    baken_headset_equal      (const BakenHeadset *a,
                                      const BakenHeadset *b);
void        baken_headset_clear      (BakenHeadset       *headset);

/* The loudspeaker to go back to when the headset leaves: preferred (the default before
 * the headset came) when it is still there and is not the headset, else the first sink
 * that is not a headset; NULL when there is none. (transfer none): a name in sinks. */
const char *baken_sound_find_speaker (GPtrArray          *sinks,
                                      const char         *preferred,
                                      const BakenHeadset *headset);

G_END_DECLS
