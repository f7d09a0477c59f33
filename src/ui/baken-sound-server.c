/* baken-sound-server.c: the outputs of the system's sound server, and their volume
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-sound"

#include "config.h"

#include "baken-sound-server.h"

G_DEFINE_INTERFACE (BakenSoundServer, baken_sound_server, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
port_free (BakenSoundPort *port)
{
  g_free (port->name);
  g_free (port);
}

static void
baken_sound_server_default_init (BakenSoundServerInterface *iface)
{
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

BakenSoundSink *
baken_sound_sink_new (const char *name)
{
  BakenSoundSink *sink;

  g_return_val_if_fail (name != NULL, NULL);

  sink = g_new0 (BakenSoundSink, 1);
  sink->name = g_strdup (name);
  sink->ports = g_ptr_array_new_with_free_func ((GDestroyNotify) port_free);

  return sink;
}

void
baken_sound_sink_free (BakenSoundSink *sink)
{
  if (sink == NULL)
    return;

  g_free (sink->name);
  g_free (sink->form_factor);
  g_free (sink->active_port);
  g_ptr_array_unref (sink->ports);
  g_free (sink);
}

void
baken_sound_sink_add_port (BakenSoundSink     *sink,
                           const char         *name,
                           BakenSoundPortKind  kind,
                           gboolean            available)
{
  BakenSoundPort *port;

  g_return_if_fail (sink != NULL);
  g_return_if_fail (name != NULL);

  port = g_new0 (BakenSoundPort, 1);
  port->name = g_strdup (name);
  port->kind = kind;
  port->available = available;
  g_ptr_array_add (sink->ports, port);
}

BakenSoundState
baken_sound_server_get_state (BakenSoundServer *self)
{
  g_return_val_if_fail (BAKEN_IS_SOUND_SERVER (self), BAKEN_SOUND_STATE_FAILED);

  return BAKEN_SOUND_SERVER_GET_IFACE (self)->get_state (self);
}

GPtrArray *
baken_sound_server_get_sinks (BakenSoundServer *self)
{
  g_return_val_if_fail (BAKEN_IS_SOUND_SERVER (self), NULL);

  return BAKEN_SOUND_SERVER_GET_IFACE (self)->get_sinks (self);
}

const char *
baken_sound_server_get_default_sink (BakenSoundServer *self)
{
  g_return_val_if_fail (BAKEN_IS_SOUND_SERVER (self), NULL);

  return BAKEN_SOUND_SERVER_GET_IFACE (self)->get_default_sink (self);
}

BakenSoundSink *
baken_sound_server_find_sink (BakenSoundServer *self,
                              const char       *name)
{
  GPtrArray *sinks;

  g_return_val_if_fail (BAKEN_IS_SOUND_SERVER (self), NULL);

  if (name == NULL)
    return NULL;

  sinks = baken_sound_server_get_sinks (self);
  for (guint i = 0; i < sinks->len; i++)
    {
      BakenSoundSink *sink = g_ptr_array_index (sinks, i);

      if (g_str_equal (sink->name, name))
        return sink;
    }

  return NULL;
}

void
baken_sound_server_set_default_sink (BakenSoundServer *self,
                                     const char       *sink)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));
  g_return_if_fail (sink != NULL);

  BAKEN_SOUND_SERVER_GET_IFACE (self)->set_default_sink (self, sink);
}

void
baken_sound_server_set_port (BakenSoundServer *self,
                             const char       *sink,
                             const char       *port)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));
  g_return_if_fail (sink != NULL);
  g_return_if_fail (port != NULL);

  BAKEN_SOUND_SERVER_GET_IFACE (self)->set_port (self, sink, port);
}

void
baken_sound_server_set_mute (BakenSoundServer *self,
                             const char       *sink,
                             gboolean          mute)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));
  g_return_if_fail (sink != NULL);

  BAKEN_SOUND_SERVER_GET_IFACE (self)->set_mute (self, sink, mute);
}

void
baken_sound_server_set_volume (BakenSoundServer *self,
                               const char       *sink,
                               guint             percent)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));
  g_return_if_fail (sink != NULL);
  g_return_if_fail (percent <= 100);

  BAKEN_SOUND_SERVER_GET_IFACE (self)->set_volume (self, sink, percent);
}

void
baken_sound_server_play_tone (BakenSoundServer *self)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));

  BAKEN_SOUND_SERVER_GET_IFACE (self)->play_tone (self);
}

void
baken_sound_server_changed (BakenSoundServer *self)
{
  g_return_if_fail (BAKEN_IS_SOUND_SERVER (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
