import { serverSizes, serverSizeWarning } from './check-server-sizes';

describe('serverSizeWarning', () => {
  it.each([
    ['innodb_buffer_pool_size', '134217728', 128, 'MIN_BUFFER_POOL_MB'],
    ['innodb_log_file_size', '100663296', 96, 'MIN_REDO_LOG_MB'],
  ] as const)('names %s, both sizes and what to do when it is below the minimum', (setting, bytes, currentMb, variable) => {
    expect(serverSizeWarning(setting, bytes, 1024)).toEqual({
      setting,
      currentMb,
      minimumMb: 1024,
      action: expect.stringMatching(new RegExp(`^raise ${setting} to at least 1024 MiB.*${variable}=0`)),
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
