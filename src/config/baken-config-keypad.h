/* baken-config-keypad.h: the [keypad] and [speech] sections of kiosk.conf
 * (baken-config-keypad.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-config.h"

G_BEGIN_DECLS

/* The keys of a common USB numeric keypad, with Num Lock on or off, and the defaults
 * of the speech settings. */
void     _baken_config_keypad_set_defaults (BakenConfig  *self);
/* Whether [keypad] key names a command (a list of keys), not a setting. */
gboolean _baken_config_keypad_is_command   (const char   *key);
/* Reads a speech setting: [speech] volume, [keypad] speech-time-factor, invite-every. */
gboolean _baken_config_speech_read         (BakenConfig  *self,
                                            GKeyFile     *file,
                                            const char   *group,
                                            const char   *key,
                                            const char   *help,
                                            const char   *path,
                                            const char   *contents,
                                            GError      **error);
/* Reads the command of [keypad] key from file: a list of GDK key names (help: what a
 * good value looks like). */
gboolean _baken_config_keypad_read         (BakenConfig  *self,
                                            GKeyFile     *file,
                                            const char   *key,
                                            const char   *help,
                                            const char   *path,
                                            const char   *contents,
                                            GError      **error);
/* A key has one job: a key given to a command in the file leaves the default of any
 * other command; two commands of the file with the same key are an error. */
gboolean _baken_config_keypad_check        (BakenConfig  *self,
                                            GKeyFile     *file,
                                            const char   *path,
                                            const char   *contents,
                                            GError      **error);

G_END_DECLS
