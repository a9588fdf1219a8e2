// Benchmarking in the target device's own browser (`placewise bench --on-device`).
export { benchOnDevice, DeviceFailureError, type OnDeviceRequest } from './bench-on-device';
export { DEFAULT_DEVICE_TIMEOUT_S, MAX_DEVICE_TIMEOUT_S } from '../limits';
export { DeviceResultError, DeviceTimeoutError } from './device-server';
export { type DeviceListening, deviceUrls } from './device-urls';
