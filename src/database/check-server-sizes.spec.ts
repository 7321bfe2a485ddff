import { serverSizeWarning } from './check-server-sizes';

describe('serverSizeWarning', () => {
  it('names the setting, both sizes and what to do when the buffer pool is below the minimum', () => {
    expect(serverSizeWarning('innodb_buffer_pool_size', '134217728', 1024)).toEqual({
      setting: 'innodb_buffer_pool_size',
      currentMb: 128,
      minimumMb: 1024,
      action: expect.stringMatching(/^raise innodb_buffer_pool_size to at least 1024 MiB.*MIN_BUFFER_POOL_MB=0/),
    });
  });

  it('names the redo log and its own variable when the log is below the minimum', () => {
    expect(serverSizeWarning('innodb_log_file_size', '100663296', 1024)).toEqual({
      setting: 'innodb_log_file_size',
      currentMb: 96,
      minimumMb: 1024,
      action: expect.stringMatching(/^raise innodb_log_file_size to at least 1024 MiB.*MIN_REDO_LOG_MB=0/),
    });
  });

  it('is silent when the size reaches the minimum', () => {
    expect(serverSizeWarning('innodb_buffer_pool_size', 1024 * 1024 * 1024, 1024)).toBeNull();
    expect(serverSizeWarning('innodb_log_file_size', '8589934592', 1024)).toBeNull();
  });

  it('warns one byte short of the minimum', () => {
    expect(serverSizeWarning('innodb_buffer_pool_size', 1024 * 1024 * 1024 - 1, 1024)).toMatchObject({ currentMb: 1023 });
  });

  it('is off when the minimum is 0', () => {
    expect(serverSizeWarning('innodb_buffer_pool_size', '8388608', 0)).toBeNull();
    expect(serverSizeWarning('innodb_log_file_size', '8388608', 0)).toBeNull();
  });
});
