// Whether Electron's sandbox can start on this Linux, before `npm start` launches it. Chromium's
// sandbox needs either unprivileged user namespaces or a SUID-root chrome-sandbox helper.
// Ubuntu 23.10 and later (24.04 LTS included) deny user namespaces to any program without an
// AppArmor profile that allows them (kernel.apparmor_restrict_unprivileged_userns=1), and npm
// installs chrome-sandbox as an ordinary file; Electron then aborts with "The SUID sandbox helper
// binary was found, but is not configured correctly". The installed .deb brings its own AppArmor
// profile; a checkout needs one of the fixes printed here. Running without the sandbox is never
// offered: the window shows subscriber data.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The files the check reads, injectable for tests. */
export const linuxHost = {
  read: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  stat: (file) => {
    try {
      return statSync(file);
    } catch {
      return null;
    }
  },
  list: (dir) => {
    try {
      return readdirSync(dir).map((name) => join(dir, name));
    } catch {
      return [];
    }
  },
  realpath: (file) => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  },
};

const sysctl = (host, name) => host.read(`/proc/sys/${name.replaceAll('.', '/')}`)?.trim() ?? null;

/** Why unprivileged user namespaces are unavailable here, or null when they are allowed. */
function usernsRestriction(host) {
  if (sysctl(host, 'kernel.apparmor_restrict_unprivileged_userns') === '1') return 'apparmor';
  if (sysctl(host, 'kernel.unprivileged_userns_clone') === '0') return 'sysctl';
  if (sysctl(host, 'user.max_user_namespaces') === '0') return 'sysctl';
  return null;
}

/** chrome-sandbox is usable when it is owned by root and has the SUID bit. */
const suidReady = (st) => !!st && st.uid === 0 && (st.mode & 0o4000) !== 0;

/** An AppArmor profile in /etc/apparmor.d that names this Electron binary and allows userns. */
function hasAppArmorProfile(host, binaries) {
  return host.list('/etc/apparmor.d').some((file) => {
    const text = host.read(file);
    return !!text && /\buserns\b/.test(text) && binaries.some((b) => text.includes(b));
  });
}

export const PROFILE_NAME = 'naw-desk-dev';

/** The AppArmor profile that lets this checkout's Electron create user namespaces. */
export function devProfile(electronPath) {
  return [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    '',
    `profile ${PROFILE_NAME} "${electronPath}" flags=(unconfined) {`,
    '  userns,',
    `  include if exists <local/${PROFILE_NAME}>`,
    '}',
  ].join('\n');
}

/**
 * The problem that will stop Electron from starting, as a message saying what to do; null when
 * the sandbox can start (or this is not Linux).
 */
export function sandboxProblem({ electronPath, platform = process.platform, host = linuxHost }) {
  if (platform !== 'linux') return null;
  const restriction = usernsRestriction(host);
  if (!restriction) return null;
  const helper = join(dirname(electronPath), 'chrome-sandbox');
  if (suidReady(host.stat(helper))) return null;
  const real = host.realpath(electronPath);
  if (restriction === 'apparmor' && hasAppArmorProfile(host, [...new Set([electronPath, real])]))
    return null;

  const lines = [
    'NAW Desk cannot start Electron here: its sandbox would be refused.',
    restriction === 'apparmor'
      ? 'This Linux (Ubuntu 23.10 or later) allows user namespaces only to programs with an AppArmor profile,'
      : 'This Linux does not allow unprivileged user namespaces,',
    `and ${helper} is not a SUID-root helper. Fix it once with either of these, then run \`npm start\` again:`,
    '',
  ];
  if (restriction === 'apparmor') {
    lines.push(
      `1. An AppArmor profile for this checkout's Electron (stays valid across npm install):`,
      `     sudo tee /etc/apparmor.d/${PROFILE_NAME} >/dev/null <<'EOF'`,
      ...devProfile(real)
        .split('\n')
        .map((l) => `     ${l}`),
      '     EOF',
      `     sudo apparmor_parser -r /etc/apparmor.d/${PROFILE_NAME}`,
      '',
      '2. Or make the helper SUID root (redo after every npm install that reinstalls electron):',
    );
  } else {
    lines.push(
      'Make the helper SUID root (redo after every npm install that reinstalls electron):',
    );
  }
  lines.push(
    `     sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`,
    '',
    'The installed app (the .deb) sets this up itself. Details: docs/DESKTOP.md.',
    'To start anyway (you know the sandbox works here): NAW_DESK_SKIP_SANDBOX_CHECK=1 npm start',
  );
  return lines.join('\n');
}
