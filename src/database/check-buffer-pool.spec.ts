import { bufferPoolWarning } from './check-buffer-pool';

describe('bufferPoolWarning', () => {
  it('names the setting, both sizes and what to do when the pool is below the minimum', () => {
    expect(bufferPoolWarning('134217728', 1024)).toEqual({
      setting: 'innodb_buffer_pool_size',
      currentMb: 128,
      minimumMb: 1024,
      action: expect.stringMatching(/^raise innodb_buffer_pool_size to at least 1024 MiB.*MIN_BUFFER_POOL_MB=0/),
    });
  });

  it('is silent when the pool reaches the minimum', () => {
    expect(bufferPoolWarning(1024 * 1024 * 1024, 1024)).toBeNull();
    expect(bufferPoolWarning('8589934592', 1024)).toBeNull();
  });

  it('warns one byte short of the minimum', () => {
    expect(bufferPoolWarning(1024 * 1024 * 1024 - 1, 1024)).toMatchObject({ currentMb: 1023 });
  });

  it('is off when the minimum is 0', () => {
    expect(bufferPoolWarning('8388608', 0)).toBeNull();
  });
});
