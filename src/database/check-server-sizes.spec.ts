import { serverSizes, serverSizeWarning } from './check-server-sizes';

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

describe('serverSizes', () => {
  it('reads MariaDB\'s redo log from innodb_log_file_size', () => {
    expect(serverSizes([
      { Variable_name: 'innodb_buffer_pool_size', Value: '6442450944' },
      { Variable_name: 'innodb_log_file_size', Value: '100663296' },
    ])).toEqual({ innodb_buffer_pool_size: '6442450944', innodb_log_file_size: '100663296' });
  });

  it('reads MySQL\'s redo log from innodb_redo_log_capacity where the server has it', () => {
    expect(serverSizes([
      { Variable_name: 'innodb_buffer_pool_size', Value: '134217728' },
      { Variable_name: 'innodb_log_file_size', Value: '50331648' },
      { Variable_name: 'innodb_redo_log_capacity', Value: '2147483648' },
    ])).toEqual({ innodb_buffer_pool_size: '134217728', innodb_log_file_size: '2147483648' });
  });
});
