import type { ScreenSeed } from '../types';
import { addPhone } from './add_phone';
import { addPushToken } from './add_push_token';
import { appReviewRequest } from './app_review_request';
import { appTrackingTransparency } from './app_tracking_transparency';
import { audioInterstitial } from './audio_interstitial';
import { chatMessageExamples } from './chat_message_examples';
import { choices } from './choices';
import { completion } from './completion';
import { confirmation } from './confirmation';
import { feedback } from './feedback';
import { fork } from './fork';
import { holdToContinue } from './hold_to_continue';
import { imageInterstitial } from './image_interstitial';
import { largeImageInterstitial } from './large_image_interstitial';
import { rateClass } from './rate_class';
import { setName } from './set_name';
import { simpleNav } from './simple_nav';
import { textInterstitial } from './text_interstitial';
import { upgrade } from './upgrade';
import { verifyPhone } from './verify_phone';
import { videoInterstitial } from './video_interstitial';

/** The starter catalogue, in catalogue order (screen-catalogue.md §2). */
export const STARTER_SCREENS: readonly ScreenSeed[] = [
  // §2.1 messages and interstitials
  confirmation,
  completion,
  textInterstitial,
  imageInterstitial,
  largeImageInterstitial,
  videoInterstitial,
  audioInterstitial,
  holdToContinue,
  chatMessageExamples,
  // §2.2 choices, surveys and input
  fork,
  choices,
  rateClass,
  feedback,
  setName,
  // §2.3 permissions, contact methods and native prompts
  addPushToken,
  appTrackingTransparency,
  appReviewRequest,
  addPhone,
  verifyPhone,
  // §2.4 monetisation and navigation
  upgrade,
  simpleNav,
];
