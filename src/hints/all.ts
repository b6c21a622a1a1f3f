// Every hint family; importing this file registers them all.
import './families/segments';
