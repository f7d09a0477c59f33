/* baken-sound-policy.c: which output is a headset, and which is the loudspeaker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-sound"

#include "config.h"

#include "baken-sound-policy.h"

static gboolean
is_headset_sink (const BakenSoundSink *sink)
{
  return g_strcmp0 (sink->form_factor, "headset") == 0 ||
         g_strcmp0 (sink->form_factor, "headphone") == 0;
}

/* A headphone port of sink that is plugged in, or NULL. */
static const char *
find_jack (const BakenSoundSink *sink)
{
  for (guint i = 0; i < sink->ports->len; i++)
    {
      const BakenSoundPort *port = g_ptr_array_index (sink->ports, i);

      if (port->kind == BAKEN_SOUND_PORT_HEADPHONES && port->available)
        return port->name;
    }

  return NULL;
}

gboolean
baken_sound_find_headset (GPtrArray    *sinks,
                          const char   *default_sink,
                          BakenHeadset *headset)
{
  g_return_val_if_fail (sinks != NULL, FALSE);
  g_return_val_if_fail (headset != NULL, FALSE);

  baken_headset_clear (headset);

  /* The newest headset sink: the server lists the newest last. */
  for (guint i = sinks->len; i > 0; i--)
    {
      const BakenSoundSink *sink = g_ptr_array_index (sinks, i - 1);

      if (is_headset_sink (sink))
        {
          headset->sink = g_strdup (sink->name);
          return TRUE;
        }
    }

  /* A jack: on the default sink (where speech plays) first. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < sinks->len; i++)
        {
          const BakenSoundSink *sink = g_ptr_array_index (sinks, i);
          const char *jack;

          if ((g_strcmp0 (sink->name, default_sink) == 0) != (pass == 0))
            continue;
          jack = find_jack (sink);
          if (jack != NULL)
            {
              headset->sink = g_strdup (sink->name);
              headset->port = g_strdup (jack);
              return TRUE;
            }
        }
    }

  return FALSE;
}

gboolean
baken_headset_equal (const BakenHeadset *a,
                     const BakenHeadset *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->sink, b->sink) == 0 && g_strcmp0 (a->port, b->port) == 0;
}

void
baken_headset_clear (BakenHeadset *headset)
{
  g_return_if_fail (headset != NULL);

  g_clear_pointer (&headset->sink, g_free);
  g_clear_pointer (&headset->port, g_free);
}

const char *
baken_sound_find_speaker (GPtrArray          *sinks,
                          const char         *preferred,
                          const BakenHeadset *headset)
{
  g_return_val_if_fail (sinks != NULL, NULL);
  g_return_val_if_fail (headset != NULL, NULL);

  for (guint i = 0; preferred != NULL && i < sinks->len; i++)
    {
      const BakenSoundSink *sink = g_ptr_array_index (sinks, i);

      /* A jack's sink is the loudspeaker too, once the jack is out. */
      if (g_str_equal (sink->name, preferred) &&
          (headset->port != NULL || g_strcmp0 (sink->name, headset->sink) != 0))
        return sink->name;
    }

  for (guint i = 0; i < sinks->len; i++)
    {
      const BakenSoundSink *sink = g_ptr_array_index (sinks, i);

      if (!is_headset_sink (sink) && g_strcmp0 (sink->name, headset->sink) != 0)
        return sink->name;
    }

  return NULL;
}
