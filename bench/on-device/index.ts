// Benchmarking in the target device's own browser (`placewise bench --on-device`).
export {
  benchOnDevice,
  DEFAULT_DEVICE_TIMEOUT_S,
  DeviceFailureError,
  MAX_DEVICE_TIMEOUT_S,
  type OnDeviceRequest,
} from './bench-on-device';
export { DeviceResultError, DeviceTimeoutError } from './device-server';
