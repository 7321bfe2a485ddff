import { urlProblem } from './webhook-url';

describe('urlProblem', () => {
  it('accepts absolute http and https URLs and refuses anything else', () => {
    expect(urlProblem('https://crm.example.com/hooks')).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080/x')).toBeNull();
    expect(urlProblem('ftp://example.com/x')).toBe('must use http or https');
    expect(urlProblem('javascript:alert(1)')).toBe('must use http or https');
    expect(urlProblem('/relative')).toBe('must be an absolute URL');
    expect(urlProblem('https://user:pw@example.com/')).toBe('must not contain credentials');
  });
});
