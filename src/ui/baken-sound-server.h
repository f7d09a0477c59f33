/* baken-sound-server.h: the outputs of the system's sound server, and their volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the kiosk needs of the sound server (PulseAudio, or PipeWire's pulse server):
 * which outputs ("sinks") there are, which one is the default (where espeak-ng plays),
 * what kind of device each is, and setting the default, a port, mute and volume. The
 * implementation is the module baken-sound-pulse (libpulse on the GLib main loop),
 * loaded after the first frame (baken-sound-controller.c); nothing here blocks.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_SOUND_PORT_OTHER,
  BAKEN_SOUND_PORT_SPEAKER,
  BAKEN_SOUND_PORT_HEADPHONES,  /* headphones or a headset in a jack */
} BakenSoundPortKind;

typedef struct
{
  char               *name;       /* (owned) */
  BakenSoundPortKind  kind;
  gboolean            available;  /* plugged in, or cannot tell */
} BakenSoundPort;

typedef struct
{
  char      *name;         /* (owned) the sink's name, its identity */
  char      *form_factor;  /* (owned) (nullable) device.form_factor: "headset", "speaker", … */
  guint      volume;       /* percent of the normal volume, the loudest channel */
  gboolean   mute;
  char      *active_port;  /* (owned) (nullable) */
  GPtrArray *ports;        /* (owned) (element-type BakenSoundPort) */
} BakenSoundSink;

BakenSoundSink *baken_sound_sink_new       (const char     *name);
void            baken_sound_sink_free      (BakenSoundSink *sink);
void            baken_sound_sink_add_port  (BakenSoundSink     *sink,
                                            const char         *name,
                                            BakenSoundPortKind  kind,
                                            gboolean            available);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSoundSink, baken_sound_sink_free)

typedef enum {
  BAKEN_SOUND_STATE_CONNECTING,
  BAKEN_SOUND_STATE_READY,    /* the sinks are known */
  BAKEN_SOUND_STATE_FAILED,   /* no sound server (it tries again now and then) */
} BakenSoundState;

#define BAKEN_TYPE_SOUND_SERVER (baken_sound_server_get_type ())

G_DECLARE_INTERFACE (BakenSoundServer, baken_sound_server, BAKEN, SOUND_SERVER, GObject)

struct _BakenSoundServerInterface
{
  GTypeInterface parent_iface;

  BakenSoundState  (*get_state)        (BakenSoundServer *self);
  GPtrArray       *(*get_sinks)        (BakenSoundServer *self);
  const char      *(*get_default_sink) (BakenSoundServer *self);
  void             (*set_default_sink) (BakenSoundServer *self,
                                        const char       *sink);
  void             (*set_port)         (BakenSoundServer *self,
                                        const char       *sink,
                                        const char       *port);
  void             (*set_mute)         (BakenSoundServer *self,
                                        const char       *sink,
                                        gboolean          mute);
  void             (*set_volume)       (BakenSoundServer *self,
                                        const char       *sink,
                                        guint             percent);
  void             (*play_tone)        (BakenSoundServer *self);
};

/* Signal "changed": the state, the sinks or the default changed (once per burst of
 * the server's events). */
BakenSoundState  baken_sound_server_get_state        (BakenSoundServer *self);
/* (transfer none) (element-type BakenSoundSink): as last reported, in the server's
 * order (the newest last); empty unless READY. */
GPtrArray       *baken_sound_server_get_sinks        (BakenSoundServer *self);
/* (nullable): the sink new streams play on. */
const char      *baken_sound_server_get_default_sink (BakenSoundServer *self);
/* (nullable) (transfer none): the sink called name. */
BakenSoundSink  *baken_sound_server_find_sink        (BakenSoundServer *self,
                                                      const char       *name);

/* Each asks the server and returns at once; "changed" follows when it is done. */
/* The default sink: espeak-ng's next utterance plays there. */
void             baken_sound_server_set_default_sink (BakenSoundServer *self,
                                                      const char       *sink);
void             baken_sound_server_set_port         (BakenSoundServer *self,
                                                      const char       *sink,
                                                      const char       *port);
void             baken_sound_server_set_mute         (BakenSoundServer *self,
                                                      const char       *sink,
                                                      gboolean          mute);
/* All channels to percent (0 to 100) of the normal volume. */
void             baken_sound_server_set_volume       (BakenSoundServer *self,
                                                      const char       *sink,
                                                      guint             percent);

/* A short rising two-note tone (under 0.2 s) on the default sink, to ask for attention
 * before the kiosk speaks ("Bent u er nog?"). */
void             baken_sound_server_play_tone        (BakenSoundServer *self);

/* For implementations: emits "changed". */
void             baken_sound_server_changed          (BakenSoundServer *self);

G_END_DECLS
