export {
  SUCCESS_NOTICE_TIMEOUT_MS,
  useSuccessNotice,
} from './useSuccessNotice';
