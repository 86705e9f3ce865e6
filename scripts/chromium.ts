/**
 * Debian's Chromium, as every test and script here launches it: never a
 * downloaded browser, and none of the background traffic a closed network
 * would refuse.
 */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
